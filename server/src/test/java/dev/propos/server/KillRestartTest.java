package dev.propos.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.Engine;
import dev.propos.engine.config.FirmConfig;
import dev.propos.formats.config.ConfigReader;
import dev.propos.formats.decision.DecisionWriter;
import dev.propos.formats.event.EventLineParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is killed (SIGKILL) while a request is in flight, restarted on the same data, and
 * fed the rest of the stream: no acknowledged event may be lost, and every decision must be the
 * one an uninterrupted evaluation of the journal makes.
 */
class KillRestartTest {

    private static final Path CONFIG = Firm.LOAD_FIRM;
    private static final String[] SETTINGS = {
        "--propos.journal.lateness-window=0s", "--propos.journal.wall-clock=false",
        "--propos.engine.snapshot-every=700", "--propos.reactions.first-retry=50ms",
        "--propos.reactions.poll-interval=50ms"};

    @TempDir
    Path folder;

    @Test
    void aKilledServerLosesNoAcknowledgedEventAndDecidesAsAnUninterruptedRun() throws IOException {
        List<List<String>> batches = batches(LoadStream.generate(11, "K", 12, 6_000), 100);
        Path data = folder.resolve("data");
        Path log = folder.resolve("server.log");
        Set<String> acknowledged = new HashSet<>();
        int killedAt = 27;

        try (ServerProcess first = ServerProcess.start(data, log, SETTINGS)) {
            TestClient admin = TestClient.admin(first.port());
            Firm.importConfig(admin, CONFIG);
            for (int i = 0; i < killedAt; i++) {
                acknowledged.addAll(post(admin, batches.get(i)));
            }
            CompletableFuture<List<String>> inFlight = CompletableFuture.supplyAsync(() -> post(admin, batches.get(killedAt)));
            Firm.sleep(3);
            first.kill();
            try {
                acknowledged.addAll(inFlight.join()); // answered before the kill: it must have been kept
            } catch (RuntimeException lostWithTheServer) {
                // not acknowledged: sent again below
            }
        }

        try (ServerProcess second = ServerProcess.start(data, log, SETTINGS)) {
            TestClient admin = TestClient.admin(second.port());
            for (int i = killedAt; i < batches.size(); i++) {
                acknowledged.addAll(post(admin, batches.get(i)));
            }
            Firm.awaitEvaluated(admin);
            Firm.sleep(500); // reactions journal the next phases' starts
            Firm.awaitEvaluated(admin);

            List<String> journal = lines(admin.get("/api/journal/events").body());
            List<String> ids = journal.stream().map(KillRestartTest::id).toList();
            assertThat(new HashSet<>(ids)).as("no event journaled twice").hasSameSizeAs(ids);
            assertThat(ids).as("every acknowledged event is in the journal").containsAll(acknowledged);

            List<String> decisions = lines(admin.get("/api/engine/decisions").body());
            assertThat(decisions).as("decisions of the killed and restarted server")
                    .containsExactlyElementsOf(evaluate(ConfigReader.read(List.of(CONFIG)), journal));
            assertThat(java.nio.file.Files.readString(log)).as("the restart's log")
                    .contains("left running on", "Engine restored from the snapshot at journal entry");
            assertThat(String.join("\n", decisions)).contains("\"type\":\"breach\"", "\"type\":\"phase_passed\"",
                    "\"type\":\"resumed\"", "\"type\":\"risk_flag\"");
        }
    }

    /** Posts one batch; the ids the server acknowledged (accepted now or before). */
    private static List<String> post(TestClient client, List<String> batch) {
        TestClient.Answer answer = client.post("/api/events", "application/x-ndjson", String.join("\n", batch));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> line : Firm.jsonLines(answer.body()).getFirst().entrySet().stream()
                .filter(e -> e.getKey().equals("lines")).map(e -> (List<Map<String, Object>>) e.getValue())
                .findFirst().orElseThrow()) {
            assertThat(line.get("status")).as("line %s", line).isIn("accepted", "duplicate");
            ids.add((String) line.get("id"));
        }
        return ids;
    }

    /** {@code propos evaluate}'s decisions for the journal, without the final account statuses. */
    private static List<String> evaluate(FirmConfig config, List<String> journal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionWriter writer = new DecisionWriter(out);
        Engine engine = new Engine(config, writer);
        EventLineParser parser = new EventLineParser();
        for (String line : journal) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            engine.apply(parser.parse(bytes, 0, bytes.length));
        }
        writer.flush();
        return lines(out.toString(StandardCharsets.UTF_8));
    }

    private static String id(String line) {
        return (String) Firm.jsonLines(line).getFirst().get("id");
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    private static List<List<String>> batches(List<String> lines, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += size) {
            batches.add(lines.subList(i, Math.min(lines.size(), i + size)));
        }
        return batches;
    }
}
