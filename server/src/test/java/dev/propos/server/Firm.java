package dev.propos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test steps against a running server: configuration, events, waiting for the engine. */
public final class Firm {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PROGRESS = Pattern.compile("\"journalSeq\":(\\d+),\"evaluatedSeq\":(\\d+)");

    /** The firm of the load and restart tests. */
    public static final Path LOAD_FIRM = Path.of("src", "test", "resources", "load-firm.yaml");

    private Firm() {
    }

    public static Path example(String name) {
        return Path.of("..", "examples", "shared", name);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a configuration document unless the same programs are there already (test classes share a server). */
    public static void importConfig(TestClient admin, Path file) {
        TestClient.Answer answer = admin.post("/api/programs?name=" + file.getFileName(), "application/yaml", read(file));
        if (answer.status() == 400 && answer.body().contains("already defined")) {
            return;
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    /** The example's events, each given an id (the server requires one) made of {@code prefix} and its line. */
    public static List<String> eventsWithIds(Path file, String prefix) {
        List<String> lines = new ArrayList<>();
        int number = 0;
        for (String line : read(file).split("\n")) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            lines.add(line.contains("\"id\"") ? line
                    : line.replaceFirst("\\{", "{\"id\":\"" + prefix + number + "\","));
        }
        return lines;
    }

    /** JSON Lines as maps, blank lines skipped. */
    public static List<Map<String, Object>> jsonLines(String text) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                objects.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        return objects;
    }

    /**
     * Decisions as check-examples compares them: one for one in order, each having every field of
     * the expected one with the same value (a field the example does not list is not compared).
     */
    public static void assertDecisionsMatch(List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
        assertThat(actual).as("decisions").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("decision %d", i + 1).containsAllEntriesOf(expected.get(i));
        }
    }

    /** Waits until the engine has evaluated everything journaled. */
    public static void awaitEvaluated(TestClient client) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            TestClient.Answer answer = client.get("/api/engine/progress");
            Matcher matcher = PROGRESS.matcher(answer.body());
            if (matcher.find() && matcher.group(1).equals(matcher.group(2))) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("the engine did not catch up with the journal");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
