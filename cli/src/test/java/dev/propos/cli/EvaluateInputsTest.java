package dev.propos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code propos evaluate} combines its inputs: several {@code --config} files merged into one configuration
 * (programs.md), and a calendar line on standard input applying from where it stands while the same line in a file
 * applies from the start (evaluate.md).
 */
class EvaluateInputsTest {

    private static final String SYMBOLS = """
            symbols:
              XAUUSD: { contract_size: 100, profit_currency: USD }
            """;

    private static final String PROGRAMS = """
            programs:
              - id: fu
                version: 1
                initial_balance: 10000
                phases:
                  - id: funded
                    funded: true
                    rules:
                      - { rule: max_loss, percent: 10 }
                    payouts: { split_percent: 80 }
            """;

    // p1: 1 lot of XAUUSD (contract 100 from the symbols file) 2000.00 -> 2015.00: +1500.00, balance 11500.
    // The payout takes all 1500.00: trader 80% = 1200.00, firm 300.00; balance 10000.00.
    // Without the symbols file XAUUSD would be a currency pair of 100000 units and p1 would make 1,500,000.00.
    private static final String TRADES = """
            {"type":"account_started","time":"2026-03-02T08:00:00Z","account":"f1","program":"fu"}
            {"type":"position_opened","time":"2026-03-02T09:00:00Z","account":"f1","position":"p1","symbol":"XAUUSD","side":"buy","lots":1,"price":2000.00}
            {"type":"position_closed","time":"2026-03-02T10:00:00Z","account":"f1","position":"p1","price":2015.00}
            {"type":"payout_requested","time":"2026-03-03T10:00:00Z","account":"f1"}
            """;

    // News rule with its defaults: 2 minutes each side, high impact. The NFP entry at 13:30 has the window
    // [13:28, 13:32]. p1 is opened at 13:29 (inside), before the news line; p1's close at 14:00 is outside.
    // p2 is opened at 13:31 (inside), after the news line.
    private static final String NEWS_CONFIG = """
            programs:
              - id: news-10k
                version: 1
                initial_balance: 10000
                phases:
                  - id: evaluation
                    rules:
                      - { rule: news }
            """;

    private static final String NEWS_AFTER_A_TRADE = """
            {"type":"account_started","time":"2026-03-06T13:00:00Z","account":"1","program":"news-10k"}
            {"type":"quote","time":"2026-03-06T13:00:01Z","symbol":"EURUSD","bid":1.08000,"ask":1.08010}
            {"type":"position_opened","time":"2026-03-06T13:29:00Z","account":"1","position":"p1","symbol":"EURUSD","side":"buy","lots":1,"price":1.08010}
            {"type":"news","time":"2026-03-06T13:30:00Z","currencies":["USD"],"impact":"high","title":"NFP"}
            {"type":"position_opened","time":"2026-03-06T13:31:00Z","account":"1","position":"p2","symbol":"EURUSD","side":"buy","lots":1,"price":1.08010}
            {"type":"position_closed","time":"2026-03-06T14:00:00Z","account":"1","position":"p1","price":1.08000}
            """;

    @TempDir
    Path dir;

    @Test
    void twoConfigFilesGiveTheDecisionsOfTheirMergedFile() throws IOException {
        Path symbols = write("symbols.yaml", SYMBOLS);
        Path programs = write("programs.yaml", PROGRAMS);
        Path merged = write("merged.yaml", SYMBOLS + PROGRAMS);
        Path events = write("events.jsonl", TRADES);

        Run split = Run.evaluate("--config", symbols.toString(), "--config", programs.toString(),
                "--events", events.toString());
        Run splitReversed = Run.evaluate("--config", programs.toString(), "--config", symbols.toString(),
                "--events", events.toString());
        Run whole = Run.evaluate("--config", merged.toString(), "--events", events.toString());

        assertThat(whole.err()).isEmpty();
        assertThat(whole.status()).isZero();
        assertThat(split.err()).isEmpty();
        assertThat(split.status()).isZero();
        assertThat(split.out()).isEqualTo(whole.out());
        assertThat(splitReversed.out()).isEqualTo(whole.out());

        List<String> lines = split.outLines();
        assertThat(lines).hasSize(2);
        assertThat(JsonFields.of(lines.get(0))).containsEntry("type", "payout_decision")
                .containsEntry("approved", "true").containsEntry("amount", "1500.00")
                .containsEntry("trader_share", "1200.00").containsEntry("firm_share", "300.00");
        assertThat(JsonFields.of(lines.get(1))).containsEntry("type", "account_status")
                .containsEntry("balance", "10000.00").containsEntry("payouts_total", "1500.00");
    }

    @Test
    void aNewsLineOnStandardInputAppliesFromWhereItStands() throws IOException {
        Path config = write("news.yaml", NEWS_CONFIG);

        Run fromStdin = Run.evaluateWithStdin(NEWS_AFTER_A_TRADE, "--config", config.toString(), "--events", "-",
                "--no-status");

        // Read as it comes: the entry is not known yet when p1 opens; p2's open, after it, violates (strike 1).
        assertThat(fromStdin.err()).isEmpty();
        assertThat(fromStdin.status()).isZero();
        assertThat(fromStdin.outLines()).hasSize(1);
        assertThat(JsonFields.of(fromStdin.outLines().getFirst())).containsAllEntriesOf(Map.of(
                "type", "violation", "time", "2026-03-06T13:31:00Z", "rule", "news", "position", "p2",
                "strike", "1"));
    }

    @Test
    void theSameNewsLineInAFileAppliesFromTheStart() throws IOException {
        Path config = write("news.yaml", NEWS_CONFIG);
        Path events = write("events.jsonl", NEWS_AFTER_A_TRADE);

        Run fromFile = Run.evaluate("--config", config.toString(), "--events", events.toString(), "--no-status");

        // The file is scanned for news first: p1's open at 13:29 violates (strike 1), then p2's (strike 2).
        assertThat(fromFile.err()).isEmpty();
        assertThat(fromFile.status()).isZero();
        assertThat(fromFile.outLines()).hasSize(2);
        assertThat(JsonFields.of(fromFile.outLines().get(0))).containsAllEntriesOf(Map.of(
                "type", "violation", "time", "2026-03-06T13:29:00Z", "rule", "news", "position", "p1",
                "strike", "1"));
        assertThat(JsonFields.of(fromFile.outLines().get(1))).containsAllEntriesOf(Map.of(
                "type", "violation", "time", "2026-03-06T13:31:00Z", "rule", "news", "position", "p2",
                "strike", "2"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
