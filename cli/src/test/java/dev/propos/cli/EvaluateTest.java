package dev.propos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code propos evaluate} against the real engine: decisions, status lines, and errors the engine finds. */
class EvaluateTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("propos.examples", "../examples/shared"));
    private static final Path PAYOUT_SPLIT = EXAMPLES.resolve("payout-split");

    @TempDir
    Path dir;

    static Stream<Path> sharedExamples() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "shared examples not found at " + EXAMPLES);
        try (Stream<Path> cases = Files.list(EXAMPLES)) {
            return cases.filter(dir -> Files.isRegularFile(dir.resolve("expected.jsonl"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sharedExamples")
    void reproducesTheSharedExamples(Path example) throws IOException {
        Run run = Run.evaluate("--config", example.resolve("config.yaml").toString(),
                "--events", example.resolve("events.jsonl").toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        List<String> expected = Files.readAllLines(example.resolve("expected.jsonl")).stream()
                .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#")).toList();
        assertThat(run.outLines()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> printed = JsonFields.of(run.outLines().get(i));
            // Every expected field, with the same text (money has exactly two decimals); extra evidence is allowed.
            assertThat(printed).as("line %d", i + 1).containsAllEntriesOf(JsonFields.of(expected.get(i)));
        }
    }

    @Test
    void aBadLineMidStreamKeepsEarlierDecisionsAndPrintsNoStatus() throws IOException {
        List<String> events = events(PAYOUT_SPLIT);
        Path broken = write("broken.jsonl", String.join("\n", events.subList(0, 6)) + "\n{\"type\":\"payout_requested\"}\n"
                + events.get(6) + "\n");

        Run run = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", broken.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(broken + ":7: payout_requested: missing field \"time\"\n");
        assertThat(run.outLines()).hasSize(1);
        assertThat(JsonFields.of(run.outLines().getFirst())).containsEntry("type", "payout_decision");
    }

    @Test
    void anUnknownAccountNamesItsLine() throws IOException {
        Path events = write("events.jsonl", """
                {"type":"account_started","time":"2026-05-04T09:00:00Z","account":"3001","program":"instant-25k"}
                # the platform sent an account PropOS never saw
                {"type":"payout_requested","time":"2026-05-06T10:00:00Z","account":"9999"}
                """);

        Run run = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", events.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith(events + ":3: ");
        assertThat(run.out()).doesNotContain("account_status");
    }

    @Test
    void timeGoingBackwardsNamesItsLine() throws IOException {
        Path events = write("events.jsonl", """
                {"type":"account_started","time":"2026-05-04T09:00:00Z","account":"3001","program":"instant-25k"}
                {"type":"clock","time":"2026-05-04T10:00:00Z"}
                {"type":"clock","time":"2026-05-04T09:59:59.999Z"}
                """);

        Run run = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", events.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith(events + ":3: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void standardInputGivesTheSameDecisionsAsTheFile() throws IOException {
        Run fromFile = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", eventsFile(PAYOUT_SPLIT));
        Run fromStdin = Run.evaluateWithStdin(Files.readString(PAYOUT_SPLIT.resolve("events.jsonl")),
                "--config", config(PAYOUT_SPLIT), "--events", "-");

        assertThat(fromStdin.status()).isZero();
        assertThat(fromStdin.out()).isEqualTo(fromFile.out()).isNotEmpty();
    }

    @Test
    void severalFilesAreReadInOrderAsOneStream() throws IOException {
        List<String> events = events(PAYOUT_SPLIT);
        Path first = write("first.jsonl", String.join("\n", events.subList(0, 5)) + "\n");
        Path second = write("second.jsonl", String.join("\n", events.subList(5, events.size())) + "\n");

        Run split = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", first.toString(),
                "--events", second.toString());
        Run whole = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", eventsFile(PAYOUT_SPLIT));

        assertThat(split.status()).isZero();
        assertThat(split.out()).isEqualTo(whole.out());
    }

    @Test
    void aCalendarFileAppliesFromTheStartWhereverItStands() throws IOException {
        Path config = write("news.yaml", """
                programs:
                  - id: news-10k
                    version: 1
                    initial_balance: 10000
                    phases:
                      - id: evaluation
                        rules:
                          - { rule: news, before_minutes: 2, after_minutes: 2 }
                """);
        Path trades = write("trades.jsonl", """
                {"type":"account_started","time":"2026-03-06T13:00:00Z","account":"1","program":"news-10k"}
                {"type":"quote","time":"2026-03-06T13:00:01Z","symbol":"EURUSD","bid":1.08000,"ask":1.08010}
                {"type":"position_opened","time":"2026-03-06T13:29:00Z","account":"1","position":"p1","symbol":"EURUSD","side":"buy","lots":1,"price":1.08010}
                """);
        Path calendar = write("calendar.jsonl", """
                {"type":"news","time":"2026-03-06T13:30:00Z","currencies":["USD"],"impact":"high","title":"NFP"}
                """);

        Run run = Run.evaluate("--config", config.toString(), "--events", trades.toString(),
                "--events", calendar.toString(), "--no-status");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(1);
        assertThat(JsonFields.of(run.outLines().getFirst())).containsEntry("type", "violation")
                .containsEntry("rule", "news").containsEntry("position", "p1");
    }

    @Test
    void outWritesTheDecisionsToAFile() throws IOException {
        Path out = dir.resolve("decisions.jsonl");

        Run toFile = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", eventsFile(PAYOUT_SPLIT),
                "--out", out.toString());
        Run toStdout = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", eventsFile(PAYOUT_SPLIT));

        assertThat(toFile.status()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(toStdout.out()).isNotEmpty();
    }

    @Test
    void noStatusLeavesOutTheStatusLines() {
        Run withStatus = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", eventsFile(PAYOUT_SPLIT));
        Run withoutStatus = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", eventsFile(PAYOUT_SPLIT),
                "--no-status");

        assertThat(withoutStatus.status()).isZero();
        assertThat(withStatus.outLines()).last().asString().contains("\"type\":\"account_status\"");
        assertThat(withoutStatus.outLines()).isEqualTo(withStatus.outLines().subList(0, withStatus.outLines().size() - 1));
    }

    @Test
    void noEventsPrintNothing() throws IOException {
        Run run = Run.evaluate("--config", config(PAYOUT_SPLIT), "--events", write("empty.jsonl", "# empty\n").toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String config(Path example) {
        return example.resolve("config.yaml").toString();
    }

    private static String eventsFile(Path example) {
        return example.resolve("events.jsonl").toString();
    }

    private static List<String> events(Path example) throws IOException {
        return Files.readAllLines(example.resolve("events.jsonl")).stream().filter(line -> !line.isBlank()).toList();
    }
}
