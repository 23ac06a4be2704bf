package dev.propos.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.platform.PlatformCommand;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decisions act on the platform: retried while it fails, never twice, and passes start the next
 * phase. Its events are timed after those of the other classes sharing the server, so none is late.
 */
@ServerTest
// Its events are timed after the API tests' (the firm's clock only goes forward): a server shared
// with the other classes whose times run later.
@TestPropertySource(properties = "propos.test.server=later")
class ReactionsTest {

    @LocalServerPort
    int port;

    @Autowired
    RecordingPlatform platform;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPauseClosesAndDisablesThroughPlatformFailuresOnceEachAndTheNextDayEnables() {
        TestClient admin = TestClient.admin(port);
        Firm.importConfig(admin, Firm.LOAD_FIRM);
        platform.failNext(2);

        post(admin, """
                {"type":"account_started","time":"2027-03-01T08:00:00Z","id":"R1-s","account":"R1","program":"load-10k"}
                {"type":"quote","time":"2027-03-01T08:00:01Z","id":"R1-q1","symbol":"EURUSD","bid":1.08000,"ask":1.08010}
                {"type":"position_opened","time":"2027-03-01T08:01:00Z","id":"R1-o","account":"R1","position":"p1","symbol":"EURUSD","side":"buy","lots":2,"price":1.08010}
                {"type":"quote","time":"2027-03-01T09:00:00Z","id":"R1-q2","symbol":"EURUSD","bid":1.07900,"ask":1.07910}
                {"type":"clock","time":"2027-03-02T00:00:01Z","id":"R1-c"}""");
        Firm.awaitUntil(() -> reactions("R1", "done") == 3, "three reactions done");

        assertThat(jdbc.sql("select kind || ' ' || attempts from reactions where account = 'R1' order by planned_order")
                .query(String.class).list())
                .containsExactly("close_all_positions 3", "disable_account 1", "enable_account 1");
        List<PlatformCommand> executed = platform.executed().stream().filter(c -> c.account().equals("R1")).toList();
        assertThat(executed).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("CloseAllPositions", "DisableAccount", "EnableAccount");
        assertThat(platform.attempts().stream().filter(c -> c.account().equals("R1")).count()).isEqualTo(5);
    }

    @Test
    void aPassCreatesTheNextPhaseOnThePlatformAndStartsItInTheEngine() {
        TestClient admin = TestClient.admin(port);
        Firm.importConfig(admin, Firm.LOAD_FIRM);
        admin.post("/api/traders/trader-R2/kyc/decision", "application/json", "{\"approved\":true}");

        post(admin, """
                {"type":"account_started","time":"2027-03-01T08:00:00Z","id":"R2-s","account":"R2","program":"load-10k","trader":"trader-R2","fee":99}
                {"type":"quote","time":"2027-03-01T08:00:01Z","id":"R2-q1","symbol":"EURUSD","bid":1.08000,"ask":1.08010}
                {"type":"position_opened","time":"2027-03-01T08:01:00Z","id":"R2-o","account":"R2","position":"p1","symbol":"EURUSD","side":"buy","lots":2,"price":1.08010}
                {"type":"position_closed","time":"2027-03-01T09:00:00Z","id":"R2-c","account":"R2","position":"p1","price":1.08130}""");
        Firm.awaitUntil(() -> jdbc.sql("select count(*) from events where event_id = 'start-R2-funded'").query(Long.class).single() == 1,
                "the funded account started");
        Firm.awaitEvaluated(admin);

        PlatformCommand.CreateAccount created = platform.executed().stream()
                .filter(PlatformCommand.CreateAccount.class::isInstance).map(PlatformCommand.CreateAccount.class::cast)
                .filter(c -> c.account().equals("R2-funded")).findFirst().orElseThrow();
        assertThat(created.trader()).isEqualTo("trader-R2");
        assertThat(created.funded()).isTrue();
        assertThat(created.phase()).isEqualTo("funded");
        assertThat(jdbc.sql("select message from notifications where account = 'R2'").query(String.class).list())
                .singleElement().asString().contains("You passed phase challenge");
    }

    private static void post(TestClient admin, String lines) {
        TestClient.Answer answer = admin.post("/api/events", "application/x-ndjson", lines);
        assertThat(answer.body()).contains("\"rejected\":0");
    }

    private long reactions(String account, String status) {
        return jdbc.sql("select count(*) from reactions where account = ? and status = ?").params(account, status)
                .query(Long.class).single();
    }

}
