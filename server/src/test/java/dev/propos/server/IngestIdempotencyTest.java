package dev.propos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ingest: resends change nothing, bad lines are kept with their reason and do not stop their neighbours. */
@ServerTest
// Its events are timed after the API tests' (the firm's clock only goes forward): a server shared
// with the other classes whose times run later.
@TestPropertySource(properties = "propos.test.server=later")
class IngestIdempotencyTest {

    private static final String START = """
            {"type":"account_started","time":"2026-03-02T08:00:00Z","id":"%1$s-s","account":"%1$s","program":"load-10k"}""";
    private static final String QUOTE = """
            {"type":"quote","time":"2026-03-02T08:00:0%2$sZ","id":"%1$s-q%2$s","symbol":"EURUSD","bid":1.08,"ask":1.0801}""";
    private static final String OPEN = """
            {"type":"position_opened","time":"2026-03-02T08:00:05Z","id":"%1$s-o","account":"%1$s","position":"p1","symbol":"EURUSD","side":"buy","lots":1,"price":1.0801}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResentBatchIsAllDuplicatesAndChangesNothing() {
        TestClient admin = client();
        String batch = String.join("\n", START.formatted("I1"), QUOTE.formatted("I1", 1), OPEN.formatted("I1"));

        Map<String, Object> first = Firm.jsonLines(admin.post("/api/events", "application/x-ndjson", batch).body()).getFirst();
        Firm.awaitEvaluated(admin);
        long journaled = journalSize();
        long decisions = decisionCount();
        Map<String, Object> again = Firm.jsonLines(admin.post("/api/events", "application/x-ndjson", batch).body()).getFirst();
        Firm.awaitEvaluated(admin);

        assertThat(first).containsEntry("accepted", 3).containsEntry("duplicates", 0);
        assertThat(again).containsEntry("accepted", 0).containsEntry("duplicates", 3).containsEntry("rejected", 0);
        assertThat(journalSize()).isEqualTo(journaled);
        assertThat(decisionCount()).isEqualTo(decisions);
    }

    @Test
    void badLinesAreRejectedWithTheirLineAndKeptWhileTheirNeighboursAreAccepted() {
        TestClient admin = client();
        String batch = String.join("\n",
                START.formatted("I2"),
                "{\"type\":\"position_opened\",\"time\":\"2026-03-02T08:00:02Z\",\"id\":\"I2-bad\",\"account\":\"I2\"}",
                "not json at all",
                "# a comment line is skipped",
                OPEN.formatted("I2").replace("\"account\":\"I2\"", "\"account\":\"nobody\"").replace("I2-o", "I2-unknown"),
                OPEN.formatted("I2"));

        Map<String, Object> answer = Firm.jsonLines(admin.post("/api/events", "application/x-ndjson", batch).body()).getFirst();

        assertThat(answer).containsEntry("accepted", 2).containsEntry("rejected", 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) answer.get("lines");
        assertThat(lines).extracting(line -> line.get("line") + " " + line.get("status"))
                .containsExactly("1 accepted", "2 rejected", "3 rejected", "5 rejected", "6 accepted");
        assertThat(lines.get(3).get("reason")).isEqualTo("unknown account nobody");
        assertThat(jdbc.sql("select line_number, reason from rejected_events where line like '%I2-%' or line = 'not json at all' order by id")
                .query((rs, row) -> rs.getInt(1) + ": " + rs.getString(2)).list())
                .hasSize(3).anySatisfy(row -> assertThat(row).startsWith("5: unknown account nobody"));

        // the corrected line is accepted: a rejected id is not remembered
        String corrected = OPEN.formatted("I2").replace("I2-o", "I2-bad").replace("p1", "p2");
        Map<String, Object> resend = Firm.jsonLines(admin.post("/api/events", "application/x-ndjson", corrected).body()).getFirst();
        assertThat(resend).containsEntry("accepted", 1);
    }

    @Test
    void aJsonArrayIsAcceptedLikeLines() {
        TestClient admin = client();
        String array = "[" + START.formatted("I3") + ", " + QUOTE.formatted("I3", 2) + ", 42]";

        Map<String, Object> answer = Firm.jsonLines(admin.post("/api/events", "application/json", array).body()).getFirst();

        assertThat(answer).containsEntry("accepted", 2).containsEntry("rejected", 1);
    }

    @Test
    void anEventWithoutIdIsRejected() {
        TestClient admin = client();
        String line = START.formatted("I4").replace("\"id\":\"I4-s\",", "");

        Map<String, Object> answer = Firm.jsonLines(admin.post("/api/events", "application/x-ndjson", line).body()).getFirst();

        assertThat(answer.get("lines").toString()).contains("an id is required");
    }

    private TestClient client() {
        TestClient admin = TestClient.admin(port);
        Firm.importConfig(admin, Firm.LOAD_FIRM);
        return admin;
    }

    private long journalSize() {
        return jdbc.sql("select count(*) from journal").query(Long.class).single();
    }

    private long decisionCount() {
        return jdbc.sql("select count(*) from decisions").query(Long.class).single();
    }
}
