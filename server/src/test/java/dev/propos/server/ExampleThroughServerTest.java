package dev.propos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A shared example through the live server gives exactly the decisions {@code propos evaluate} gives. */
@ServerTest
// A server of its own, closed after the class: the example's times are in the past of what other
// classes journal (an enrollment starts at the wall clock's time), and its events must not be late.
@TestPropertySource(properties = "propos.test.server=example")
@DirtiesContext
class ExampleThroughServerTest {

    @LocalServerPort
    int port;

    @Test
    void payoutSplitExampleDecidesAsEvaluateDoes() {
        TestClient admin = TestClient.admin(port);
        Path example = Firm.example("payout-split");
        Firm.importConfig(admin, example.resolve("config.yaml"));

        List<String> events = Firm.eventsWithIds(example.resolve("events.jsonl"), "ps-");
        long before = Firm.journalSeq(admin);
        TestClient.Answer answer = admin.post("/api/events", "application/x-ndjson", String.join("\n", events));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"rejected\":0");
        Firm.awaitEvaluated(admin);

        // Other test classes' accounts decide on the same server: only this example's are compared.
        List<Map<String, Object>> decisions = Firm.decisionsAbout(admin, before, Firm.accountsOf(events));
        List<Map<String, Object>> expected = Firm.jsonLines(Firm.read(example.resolve("expected.jsonl"))).stream()
                .filter(line -> !"account_status".equals(line.get("type"))).toList();
        Firm.assertDecisionsMatch(decisions, expected);
    }
}
