package dev.propos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The errors of evaluate.md that are found before the engine applies any event: these hold
 * whatever the engine does.
 */
class EvaluateInputErrorsTest {

    static final String CONFIG = """
            programs:
              - id: one-step-10k
                version: 1
                initial_balance: 10000
                phases:
                  - id: evaluation
                    rules:
                      - { rule: profit_target, percent: 10 }
                      - { rule: daily_loss, percent: 5 }
            """;

    @TempDir
    Path dir;
    private String config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = write("config.yaml", CONFIG);
    }

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void anInvalidConfigurationIsReportedBeforeAnyEventIsRead() throws IOException {
        String badConfig = write("bad.yaml", CONFIG.replace("percent: 5", "percent: 5, basis: equity"));
        String badEvents = write("events.jsonl", "this is not JSON\n");

        Run run = Run.evaluate("--config", config, "--config", badConfig, "--events", badEvents, "--events", "-");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(badConfig + ":9: rule daily_loss: unknown parameter 'basis'\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aConfigurationSyntaxErrorNamesItsLine() throws IOException {
        String badConfig = write("bad.yaml", "programs:\n  - id: p\n   version: 1\n");

        Run run = Run.evaluate("--config", badConfig, "--events", write("events.jsonl", ""));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith(badConfig + ":3: YAML syntax error:");
    }

    @Test
    void aMissingConfigurationFile() {
        Run run = Run.evaluate("--config", dir.resolve("nope.yaml").toString(), "--events", "-");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(dir.resolve("nope.yaml") + ": cannot read: no such file\n");
    }

    @Test
    void aMissingEventsFile() {
        Run run = Run.evaluate("--config", config, "--events", dir.resolve("nope.jsonl").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(dir.resolve("nope.jsonl") + ": cannot read: no such file\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anInvalidEventLineNamesFileAndLineAndPrintsNoStatus() throws IOException {
        String events = write("events.jsonl", """
                # a replay

                {"type":"position_opened","time":"2026-03-02T09:00:00Z","account":"1","position":"p","symbol":"EURUSD","side":"buy","lots":0,"price":1}
                """);

        Run run = Run.evaluate("--config", config, "--events", events);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(events + ":3: position_opened: field \"lots\" must be > 0, got 0\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void severalFilesAreOneStreamAndErrorsNameTheirOwnFile() throws IOException {
        String first = write("first.jsonl", "# nothing but a comment\n\n");
        String second = write("second.jsonl", "\n{\"type\":\"trade\",\"time\":\"2026-03-02T09:00:00Z\"}\n");

        Run run = Run.evaluate("--config", config, "--events", first, "--events", second);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(second + ":2: unknown event type \"trade\"\n");
    }

    @Test
    void standardInputIsNamedInErrors() {
        Run run = Run.evaluateWithStdin("# piped\n{\"type\":\"clock\",\"time\":\"2026-03-02 09:00:00\"}\n",
                "--config", config, "--events", "-");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("<stdin>:2: clock: field \"time\" must be an RFC 3339 UTC time");
    }

    @Test
    void anInvalidCalendarLineIsFoundByThePreScanInAnyFile() throws IOException {
        String trades = write("trades.jsonl", "{\"type\":\"clock\"}\n");
        String calendar = write("calendar.jsonl", """
                {"type":"news","time":"2026-03-02T13:30:00Z","currencies":["USD"],"impact":"severe"}
                """);

        Run run = Run.evaluate("--config", config, "--events", trades, "--events", calendar);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(calendar + ":1: news: field \"impact\" must be low, medium or high, got \"severe\"\n");
    }

    @Test
    void anUnwritableOutputFile() throws IOException {
        String events = write("events.jsonl", "");
        Path out = dir.resolve("missing-dir").resolve("decisions.jsonl");

        Run run = Run.evaluate("--config", config, "--events", events, "--out", out.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(out + ": cannot write: no such file\n");
    }

    @Test
    void aConfigErrorDoesNotTouchTheOutputFile() throws IOException {
        String badConfig = write("bad.yaml", "programs: 5\n");
        Path out = dir.resolve("decisions.jsonl");
        Files.writeString(out, "previous run\n");

        Run run = Run.evaluate("--config", badConfig, "--events", "-", "--out", out.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("previous run\n");
    }
}
