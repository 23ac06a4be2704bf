package dev.propos.formats.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser's fast path (flat lines read in place) gives exactly what Jackson's path gives: the
 * same event, or the same error message, on tricky lines and on every event line of the examples.
 */
class EventLineParserFastPathTest {

    private static final List<String> TRICKY = List.of(
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1.08000,\"ask\":1.08008}",
            " { \"type\" : \"quote\" ,\t\"time\":\"2026-03-02T09:15:00.250Z\", \"symbol\":\"EURUSD\",\"bid\":\"1.08\",\"ask\":2 } ",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1e2,\"ask\":1E-2}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":01,\"ask\":1}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":-0,\"ask\":1.}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":-,\"ask\":1}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":.5,\"ask\":1}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1234567890123456789012.5,\"ask\":1}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EUR\\u0055SD\",\"bid\":1,\"ask\":1}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSDé\",\"bid\":1,\"ask\":1}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EUR\tUSD\",\"bid\":1,\"ask\":1}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1,\"ask\":1,\"x\":{\"a\":[1,2]}}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1,\"ask\":1,\"x\":nul}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1,\"ask\":1,\"x\":truex}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1,\"ask\":1,\"x\":false}",
            "{\"type\":\"quote\",\"type\":\"clock\",\"time\":\"2026-03-02T09:15:00Z\"}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1,\"ask\":1}}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1,\"ask\":1,}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1 \"ask\":1}",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1,\"ask\":1",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1,\"ask\"",
            "{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1,\"ask",
            "{\"type\":\"clock\",\"time\":\"2026-03-02T09:15:00Z\"} x",
            "{\"type\":\"clock\",\"time\":\"2026-03-02T09:15:00Z\",\"id\":null}",
            "{\"type\":\"clock\",\"time\":\"2026-03-02T09:15:00Z\",\"id\":42}",
            "{\"type\":\"clock\",\"time\":true}",
            "{}",
            "{ }",
            "{",
            "}",
            "[]",
            "null",
            "{\"type\":\"position_modified\",\"time\":\"2026-03-02T09:15:00Z\",\"account\":\"a\",\"position\":\"p\",\"sl\":null,\"tp\":1.2}",
            "{\"type\":\"position_opened\",\"time\":\"2026-03-02T09:15:00Z\",\"account\":\"a\",\"position\":\"p\",\"symbol\":\"X\",\"side\":\"buy\",\"lots\":-1,\"price\":1}",
            "{\"type\":\"account_started\",\"time\":\"2026-03-02T09:15:00Z\",\"account\":\"a\",\"version\":2.5}",
            "{\"type\":\"account_started\",\"time\":\"2026-03-02T09:15:00Z\",\"account\":\"a\",\"version\":3,\"program\":\"p\"}",
            "{\"type\":\"balance_adjusted\",\"time\":\"2026-03-02T09:15:00Z\",\"account\":\"a\",\"amount\":-5,\"reason\":\"deposit\"}",
            "{\"type\":\"news\",\"time\":\"2026-03-02T09:15:00Z\",\"currencies\":[\"USD\"],\"impact\":\"high\"}",
            "{\"type\":\"news\",\"time\":\"2026-03-02T09:15:00Z\",\"currencies\":\"USD\",\"impact\":\"high\"}",
            "{\"ty\\u0070e\":\"clock\",\"time\":\"2026-03-02T09:15:00Z\"}");

    @Test
    void trickyLinesReadAlike() {
        TRICKY.forEach(EventLineParserFastPathTest::assertAlike);
    }

    @Test
    void everyExampleLineReadsAlike() throws IOException {
        int lines = 0;
        for (Path root : List.of(Path.of("../examples"), Path.of("/work/shared/examples"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (!line.isBlank() && !line.strip().startsWith("#")) {
                            assertAlike(line);
                            lines++;
                        }
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(0);
    }

    private static void assertAlike(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThat(outcome(new EventLineParser(true), bytes)).as(line)
                .isEqualTo(outcome(new EventLineParser(false), bytes));
    }

    private static List<Object> outcome(EventLineParser parser, byte[] bytes) {
        List<Object> outcome = new ArrayList<>();
        try {
            outcome.add(parser.parse(bytes, 0, bytes.length));
        } catch (InvalidEventException e) {
            outcome.add(e.getMessage());
            outcome.add(String.valueOf(e.eventType()));
        }
        return outcome;
    }
}
