package dev.propos.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.server.Firm;
import dev.propos.server.ServerTest;
import dev.propos.server.TestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The live decision streams, read by a real HTTP client as Server-Sent Events. */
@ServerTest
class AccountStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    TestClient admin;
    String traderA;
    String traderB;

    @BeforeEach
    void traders() {
        admin = TestClient.admin(port);
        Firm.importTestProgram(admin);
        traderA = Firm.unique("tra");
        traderB = Firm.unique("trb");
        Firm.createTrader(admin, traderA, "secret-123");
        Firm.createTrader(admin, traderB, "secret-123");
    }

    @Test
    void aTradersStreamCarriesTheirDecisionsOnlyAndStaffsCarriesAll() {
        String accountA = Firm.enroll(admin, traderA);
        String accountB = Firm.enroll(admin, traderB);
        try (TestClient.EventStream ofA = TestClient.user(port, traderA, "secret-123").stream("/api/accounts/stream");
             TestClient.EventStream ofStaff = admin.stream("/api/accounts/stream")) {
            assertThat(ofA.status()).isEqualTo(200);
            assertThat(ofA.next("subscribed", WAIT).data()).contains("\"trader\":\"" + traderA + "\"");
            assertThat(ofStaff.next("subscribed", WAIT).data()).contains("\"scope\":\"all\"");

            Firm.ingest(admin, Firm.lossOf(accountB));
            Firm.awaitStatus(admin, accountB, "failed");
            Firm.ingest(admin, Firm.lossOf(accountA));

            // B's breach was decided first: had A's stream carried it, it would come before A's own.
            TestClient.EventStream.Event event = ofA.next("decision", WAIT);
            assertThat(event).isNotNull();
            assertThat(Firm.json(event.data())).containsEntry("type", "breach").containsEntry("account", accountA);
            assertThat(event.id()).matches("\\d+-\\d+");
            assertThat(nextDecisionAbout(ofStaff, accountB)).containsEntry("type", "breach");
            assertThat(nextDecisionAbout(ofStaff, accountA)).containsEntry("type", "breach");
        }
    }

    @Test
    void anAccountsStreamSendsItsStatusAndItsDecisions() {
        String account = Firm.enroll(admin, traderA);
        try (TestClient.EventStream stream = TestClient.user(port, traderA, "secret-123")
                .stream("/api/accounts/" + account + "/stream")) {
            assertThat(stream.status()).isEqualTo(200);
            TestClient.EventStream.Event status = stream.next("account_status", WAIT);
            assertThat(status).isNotNull();
            assertThat(status.data()).contains("\"account\":\"" + account + "\"", "\"status\":\"active\"",
                    "\"balance\":10000.00");

            Firm.ingest(admin, Firm.lossOf(account));

            // The decision and the new status come each on its own schedule: in either order.
            TestClient.EventStream.Event decision = null;
            TestClient.EventStream.Event failed = null;
            while (decision == null || failed == null) {
                TestClient.EventStream.Event event = stream.next(WAIT);
                assertThat(event).as("decision %s, status %s", decision, failed).isNotNull();
                if (event.name().equals("decision")) {
                    decision = event;
                } else if (event.name().equals("account_status") && event.data().contains("\"status\":\"failed\"")) {
                    failed = event;
                }
            }
            assertThat(Firm.json(decision.data())).containsEntry("account", account).containsEntry("rule", "daily_loss");
            assertThat(failed.data()).contains("\"equity\":9000.00");
        }
    }

    @Test
    void aTokenHoldersStreamWorksToo() {
        String account = Firm.enroll(admin, traderA);
        TestClient risk = TestClient.token(port, (String) Firm.createToken(admin, Firm.unique("dashboard"), "RISK").get("token"));
        try (TestClient.EventStream stream = risk.stream("/api/accounts/" + account + "/stream")) {
            assertThat(stream.status()).isEqualTo(200);
            Firm.ingest(admin, Firm.lossOf(account));
            assertThat(stream.next("decision", WAIT)).isNotNull();
        }
    }

    private static Map<String, Object> nextDecisionAbout(TestClient.EventStream stream, String account) {
        for (TestClient.EventStream.Event event = stream.next("decision", WAIT); event != null;
             event = stream.next("decision", WAIT)) {
            Map<String, Object> decision = Firm.json(event.data());
            if (account.equals(decision.get("account"))) {
                return decision;
            }
        }
        throw new AssertionError("no decision about " + account + " came");
    }
}
