package dev.propos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case folder (config.yaml, events.jsonl, expected.jsonl or expect-error) under the
 * repository's {@code examples/}, and the shared examples beside the checkout when present, run
 * through {@code propos evaluate} and judged as {@code ../shared/tools/check-examples} judges
 * them: the expected decisions in order, each listed field equal (numbers to the cent, instants
 * as instants), no other decision; status lines compared where the case lists them.
 */
class ExampleCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Path> ROOTS = List.of(Path.of("../examples"), Path.of("../../shared/examples"));

    static Stream<Path> cases() throws IOException {
        List<Path> cases = new ArrayList<>();
        for (Path root : ROOTS) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(path -> path.getFileName().toString().equals("config.yaml"))
                            .map(Path::getParent).sorted().forEach(cases::add);
                }
            }
        }
        assertThat(cases).as("case folders under %s", ROOTS).isNotEmpty();
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsExpected(Path example) throws IOException {
        Path events = example.resolve("events.jsonl");
        Run run = Run.evaluate("--config", example.resolve("config.yaml").toString(), "--events", events.toString());
        Path expectError = example.resolve("expect-error");
        if (Files.exists(expectError)) {
            String[] expected = Files.readString(expectError).trim().split("\\s+");
            assertThat(run.status()).as("exit status").isEqualTo(Integer.parseInt(expected[0]));
            assertThat(run.err()).as("error message").contains("events.jsonl:" + expected[1] + ":");
            return;
        }
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        List<JsonNode> printed = parse(run.outLines());
        List<JsonNode> expected = parse(Files.readAllLines(example.resolve("expected.jsonl")));
        List<JsonNode> printedDecisions = printed.stream().filter(line -> !isStatus(line)).toList();
        List<JsonNode> expectedDecisions = expected.stream().filter(line -> !isStatus(line)).toList();
        assertThat(printedDecisions).as("decisions").hasSameSizeAs(expectedDecisions);
        for (int i = 0; i < expectedDecisions.size(); i++) {
            assertSame(expectedDecisions.get(i), printedDecisions.get(i), "decision " + (i + 1));
        }
        for (JsonNode status : expected.stream().filter(ExampleCasesTest::isStatus).toList()) {
            JsonNode match = printed.stream()
                    .filter(line -> isStatus(line) && line.get("account").equals(status.get("account")))
                    .findFirst().orElse(null);
            assertThat(match).as("status of %s", status.get("account")).isNotNull();
            assertSame(status, match, "status of " + status.get("account"));
        }
    }

    private static boolean isStatus(JsonNode line) {
        return "account_status".equals(line.path("type").asText());
    }

    private static List<JsonNode> parse(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#"))
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }

    /** Every field of {@code expected} is in {@code actual} and equal. */
    private static void assertSame(JsonNode expected, JsonNode actual, String what) {
        if (!same(expected, actual)) {
            fail("%s differs:%n expected %s%n printed  %s", what, expected, actual);
        }
    }

    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().subtract(actual.decimalValue()).abs().compareTo(new BigDecimal("0.005")) <= 0;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!actual.has(field.getKey()) || !same(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!same(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isTextual() && actual.isTextual() && !expected.asText().equals(actual.asText())) {
            Instant a = instant(expected.asText());
            return a != null && a.equals(instant(actual.asText()));
        }
        return expected.equals(actual);
    }

    private static Instant instant(String text) {
        try {
            return text.contains("T") ? Instant.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
