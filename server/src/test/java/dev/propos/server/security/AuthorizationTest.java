package dev.propos.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.server.Firm;
import dev.propos.server.ServerTest;
import dev.propos.server.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what: a trader sees only their own accounts (two traders, each with a failed account);
 * roles keep traders, support and platforms to their part; nothing but health without credentials.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest {

    private static final String PASSWORD = "secret-123";
    private static final String CLOCK_EVENT = "{\"type\":\"clock\",\"id\":\"%s\",\"time\":\"" + Firm.TEST_START + "\"}";

    @LocalServerPort
    int port;

    TestClient admin;
    String traderA;
    String traderB;
    String accountA;
    String accountB;
    TestClient a;
    TestClient b;

    @BeforeAll
    void twoTradersWithAFailedAccountEach() {
        admin = TestClient.admin(port);
        Firm.importTestProgram(admin);
        traderA = Firm.unique("tra");
        traderB = Firm.unique("trb");
        Firm.createTrader(admin, traderA, PASSWORD);
        Firm.createTrader(admin, traderB, PASSWORD);
        accountA = Firm.enroll(admin, traderA);
        accountB = Firm.enroll(admin, traderB);
        Firm.ingest(admin, Firm.lossOf(accountA), Firm.lossOf(accountB));
        Firm.awaitStatus(admin, accountA, "failed");
        Firm.awaitStatus(admin, accountB, "failed");
        a = TestClient.user(port, traderA, PASSWORD);
        b = TestClient.user(port, traderB, PASSWORD);
    }

    @Test
    void aTraderListsOnlyTheirOwnAccounts() {
        List<Map<String, Object>> own = Firm.jsonList(a.get("/api/accounts").body());
        assertThat(own).extracting(x -> x.get("account")).containsExactly(accountA);
        assertThat(Firm.jsonList(a.get("/api/accounts?trader=" + traderB).body())).isEmpty();
        assertThat(Firm.jsonList(b.get("/api/accounts?status=failed").body()))
                .extracting(x -> x.get("account")).containsExactly(accountB);
    }

    @Test
    void anotherTradersAccountIsNotFoundWhateverIsAsked() {
        for (String part : List.of("", "/decisions", "/events", "/reactions")) {
            assertThat(a.get("/api/accounts/" + accountA + part).status()).as("own" + part).isEqualTo(200);
            TestClient.Answer other = a.get("/api/accounts/" + accountB + part);
            assertThat(other.status()).as("other's" + part).isEqualTo(404);
            assertThat(other.body()).isEqualTo("{\"error\":\"no account " + accountB + "\"}");
            assertThat(a.get("/api/accounts/PA-none" + part).body()).as("as if it did not exist")
                    .isEqualTo("{\"error\":\"no account PA-none\"}");
        }
        assertThat(Firm.jsonList(a.get("/api/accounts/" + accountA + "/decisions").body())).hasSize(1);
        try (TestClient.EventStream stream = a.stream("/api/accounts/" + accountB + "/stream")) {
            assertThat(stream.status()).isEqualTo(404);
        }
        assertThat(a.get("/api/traders/" + traderB).status()).isEqualTo(404);
        assertThat(a.get("/api/traders/" + traderA).status()).isEqualTo(200);
    }

    @Test
    void aTraderReadsOnlyTheirOwnNotifications() {
        List<Map<String, Object>> own = Firm.jsonList(a.get("/api/notifications").body());
        assertThat(own).isNotEmpty().allSatisfy(n -> assertThat(n).containsEntry("trader", traderA));
        assertThat(own).extracting(n -> n.get("account")).containsOnly(accountA);
        assertThat(Firm.jsonList(a.get("/api/notifications?trader=" + traderB).body())).isEmpty();
    }

    @Test
    void staffSeeEveryAccount() {
        String risk = Firm.unique("risk");
        Firm.createStaff(admin, risk, PASSWORD, "RISK");
        TestClient riskUser = TestClient.user(port, risk, PASSWORD);

        assertThat(riskUser.get("/api/accounts/" + accountA).status()).isEqualTo(200);
        assertThat(riskUser.get("/api/accounts/" + accountB + "/events").status()).isEqualTo(200);
        assertThat(Firm.jsonList(riskUser.get("/api/accounts?trader=" + traderB).body()))
                .extracting(x -> x.get("account")).containsExactly(accountB);
        assertThat(riskUser.postJson("/api/accounts", "{}").status()).as("risk does not enroll").isEqualTo(403);
    }

    @Test
    void withoutCredentialsOnlyHealthAnswers() {
        TestClient anonymous = TestClient.anonymous(port);
        for (String path : List.of("/api/accounts", "/api/accounts/" + accountA, "/api/accounts/" + accountA + "/events",
                "/api/accounts/stream", "/api/traders", "/api/traders/" + traderA, "/api/notifications", "/api/programs",
                "/api/journal/events", "/api/journal/rejected", "/api/engine/progress", "/api/engine/decisions",
                "/api/users", "/api/tokens", "/api/audit", "/api/docs", "/actuator/prometheus", "/no-such-page")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/api/events", "/api/programs", "/api/accounts", "/api/traders", "/api/users",
                "/api/tokens")) {
            assertThat(anonymous.postJson(path, "{}").status()).as("POST " + path).isEqualTo(401);
        }
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aTraderCannotRunTheFirm() {
        assertThat(a.post("/api/programs", "application/yaml", "programs: []").status()).isEqualTo(403);
        assertThat(a.post("/api/events", "application/x-ndjson", CLOCK_EVENT.formatted(Firm.unique("c"))).status())
                .isEqualTo(403);
        assertThat(a.postJson("/api/traders", "{\"id\":\"x\",\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(a.postJson("/api/accounts", "{\"trader\":\"%s\",\"program\":\"%s\"}"
                .formatted(traderA, Firm.TEST_PROGRAM)).status()).isEqualTo(403);
        assertThat(a.postJson("/api/users", "{}").status()).isEqualTo(403);
        assertThat(a.postJson("/api/tokens", "{}").status()).isEqualTo(403);
        for (String path : List.of("/api/journal/events", "/api/journal/rejected", "/api/engine/decisions",
                "/api/engine/progress", "/api/traders", "/api/users", "/api/tokens", "/api/audit", "/actuator/prometheus")) {
            assertThat(a.get(path).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void supportEnrollsButDoesNotImportPrograms() {
        String support = Firm.unique("support");
        Firm.createStaff(admin, support, PASSWORD, "SUPPORT");
        TestClient supportUser = TestClient.user(port, support, PASSWORD);
        String trader = Firm.unique("trs");
        Firm.startTestTime(admin);

        assertThat(supportUser.postJson("/api/traders", "{\"id\":\"%s\",\"name\":\"By support\"}"
                .formatted(trader)).status()).isEqualTo(201);
        TestClient.Answer enrolled = supportUser.postJson("/api/accounts", "{\"trader\":\"%s\",\"program\":\"%s\"}"
                .formatted(trader, Firm.TEST_PROGRAM));

        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(202);
        String account = (String) Firm.json(enrolled.body()).get("account");
        assertThat(admin.get("/api/audit?subject=" + account).body()).contains("\"actor\":\"" + support + "\"");
        assertThat(supportUser.post("/api/programs", "application/yaml", "programs: []").status()).isEqualTo(403);
        assertThat(supportUser.post("/api/events", "application/x-ndjson", CLOCK_EVENT.formatted(Firm.unique("c")))
                .status()).isEqualTo(403);
        assertThat(supportUser.postJson("/api/users", "{}").status()).isEqualTo(403);
        Firm.awaitStatus(supportUser, account, "active");
    }

    @Test
    void aPlatformTokenIngestsButReadsNoAccount() {
        TestClient platform = TestClient.token(port, (String) Firm.createToken(admin, Firm.unique("mt5"), "PLATFORM").get("token"));

        assertThat(platform.post("/api/events", "application/x-ndjson", CLOCK_EVENT.formatted(Firm.unique("c"))).status())
                .isEqualTo(200);
        for (String path : List.of("/api/accounts", "/api/accounts/" + accountA, "/api/accounts/" + accountA + "/decisions",
                "/api/accounts/stream", "/api/notifications", "/api/traders", "/api/traders/" + traderA,
                "/api/journal/events", "/api/engine/decisions", "/api/audit")) {
            assertThat(platform.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(platform.postJson("/api/accounts", "{}").status()).isEqualTo(403);
        assertThat(platform.post("/api/programs", "application/yaml", "programs: []").status()).isEqualTo(403);
    }

    @Test
    void revokedAndUnknownTokensAreRefused() {
        Map<String, Object> issued = Firm.createToken(admin, Firm.unique("revoked"), "PLATFORM");
        TestClient platform = TestClient.token(port, (String) issued.get("token"));
        assertThat(platform.post("/api/events", "application/x-ndjson", CLOCK_EVENT.formatted(Firm.unique("c"))).status())
                .isEqualTo(200);

        assertThat(admin.delete("/api/tokens/" + issued.get("id")).status()).isEqualTo(204);

        assertThat(platform.post("/api/events", "application/x-ndjson", CLOCK_EVENT.formatted(Firm.unique("c"))).status())
                .isEqualTo(401);
        assertThat(platform.get("/api/programs").status()).isEqualTo(401);
        assertThat(admin.delete("/api/tokens/" + issued.get("id")).status()).as("revoked already").isEqualTo(404);
        assertThat(TestClient.token(port, "propos_unknown").get("/api/programs").status()).isEqualTo(401);
        assertThat(TestClient.user(port, traderA, "wrong-password").get("/api/accounts").status()).isEqualTo(401);
    }
}
