package dev.propos.server.traders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.server.Firm;
import dev.propos.server.ServerTest;
import dev.propos.server.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Traders, staff users and API tokens through the API, and the audit records they leave. */
@ServerTest
class TraderApiTest {

    @LocalServerPort
    int port;

    @Test
    void aTraderIsCreatedWithALoginAndSeesThemself() {
        TestClient admin = TestClient.admin(port);
        String trader = Firm.unique("tr");

        TestClient.Answer created = admin.postJson("/api/traders", """
                {"id":"%s","name":"Ada Trader","email":"ada@example.com","login":{"username":"%s","password":"secret-123"}}"""
                .formatted(trader, trader));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Firm.json(created.body())).containsEntry("id", trader).containsEntry("name", "Ada Trader")
                .containsEntry("email", "ada@example.com").containsEntry("logins", List.of(trader));
        TestClient self = TestClient.user(port, trader, "secret-123");
        assertThat(Firm.json(self.get("/api/traders/" + trader).body())).containsEntry("id", trader);
        assertThat(self.get("/api/traders").status()).as("the list is for staff").isEqualTo(403);
        assertThat(admin.get("/api/traders?limit=10000").body()).contains("\"id\":\"" + trader + "\"");
        assertThat(TestClient.user(port, trader, "wrong-password").get("/api/traders/" + trader).status()).isEqualTo(401);
    }

    @Test
    void aTraderWithoutLoginGetsOneLater() {
        TestClient admin = TestClient.admin(port);
        String trader = Firm.unique("tr");
        assertThat(admin.postJson("/api/traders", "{\"id\":\"%s\",\"name\":\"No Login\"}".formatted(trader)).status())
                .isEqualTo(201);

        TestClient.Answer login = admin.postJson("/api/traders/" + trader + "/logins",
                "{\"username\":\"%s-web\",\"password\":\"secret-123\"}".formatted(trader));

        assertThat(login.status()).as(login.body()).isEqualTo(201);
        assertThat(TestClient.user(port, trader + "-web", "secret-123").get("/api/traders/" + trader).status())
                .isEqualTo(200);
        assertThat(admin.postJson("/api/traders/nobody-" + trader + "/logins",
                "{\"username\":\"%s-x\",\"password\":\"secret-123\"}".formatted(trader)).status()).isEqualTo(404);
    }

    @Test
    void badOrDuplicateTradersAreRefused() {
        TestClient admin = TestClient.admin(port);
        String trader = Firm.unique("tr");
        Firm.createTrader(admin, trader, "secret-123");

        assertThat(admin.postJson("/api/traders", "{\"id\":\"%s\",\"name\":\"Again\"}".formatted(trader)).status())
                .isEqualTo(409);
        assertThat(admin.postJson("/api/traders", """
                {"id":"%s-2","name":"Same login","login":{"username":"%s","password":"secret-123"}}"""
                .formatted(trader, trader)).status()).as("the user name is taken").isEqualTo(409);
        assertThat(admin.get("/api/traders/" + trader + "-2").status()).as("nothing was kept").isEqualTo(404);
        assertThat(admin.postJson("/api/traders", "{\"id\":\"has space\",\"name\":\"X\"}").status()).isEqualTo(400);
        assertThat(admin.postJson("/api/traders", "{\"id\":\"%s-3\"}".formatted(trader)).status()).isEqualTo(400);
        assertThat(admin.postJson("/api/traders", """
                {"id":"%s-4","name":"Short","login":{"username":"%s-4","password":"short"}}"""
                .formatted(trader, trader)).status()).isEqualTo(400);
    }

    @Test
    void administratorsCreateStaffUsersWithRoles() {
        TestClient admin = TestClient.admin(port);
        String risk = Firm.unique("risk");

        Firm.createStaff(admin, risk, "secret-123", "RISK");

        TestClient riskUser = TestClient.user(port, risk, "secret-123");
        assertThat(riskUser.get("/api/journal/rejected").status()).isEqualTo(200);
        assertThat(riskUser.postJson("/api/users", "{\"username\":\"x\",\"password\":\"secret-123\",\"roles\":[\"ADMIN\"]}")
                .status()).as("only administrators create users").isEqualTo(403);
        assertThat(admin.postJson("/api/users", "{\"username\":\"%s-t\",\"password\":\"secret-123\",\"roles\":[\"TRADER\"]}"
                .formatted(risk)).status()).as("a trader's login comes with the trader").isEqualTo(400);
        assertThat(admin.postJson("/api/users", "{\"username\":\"%s-p\",\"password\":\"secret-123\",\"roles\":[\"PLATFORM\"]}"
                .formatted(risk)).status()).as("a platform gets a token").isEqualTo(400);
        assertThat(admin.postJson("/api/users", "{\"username\":\"%s\",\"password\":\"secret-123\",\"roles\":[\"RISK\"]}"
                .formatted(risk)).status()).isEqualTo(409);
        assertThat(admin.get("/api/users").body()).contains("\"username\":\"" + risk + "\"").doesNotContain("password");
    }

    @Test
    void aTokenIsShownOnceAndStoredOnlyAsItsHash() {
        TestClient admin = TestClient.admin(port);
        String name = Firm.unique("adapter");

        Map<String, Object> issued = Firm.createToken(admin, name, "PLATFORM");

        String token = (String) issued.get("token");
        assertThat(token).startsWith("propos_").hasSizeGreaterThan(40);
        String tokens = admin.get("/api/tokens").body();
        assertThat(tokens).contains("\"name\":\"" + name + "\"").doesNotContain(token);
        assertThat(admin.postJson("/api/tokens", "{\"name\":\"t\",\"roles\":[\"TRADER\"]}").status()).isEqualTo(400);
        assertThat(admin.postJson("/api/tokens", "{\"name\":\"t\",\"roles\":[]}").status()).isEqualTo(400);
    }

    @Test
    void humanChangesAreAudited() {
        TestClient admin = TestClient.admin(port);
        String trader = Firm.unique("tr");
        Firm.createTrader(admin, trader, "secret-123");
        Map<String, Object> token = Firm.createToken(admin, Firm.unique("audited"), "PLATFORM");
        admin.delete("/api/tokens/" + token.get("id"));

        List<Map<String, Object>> ofTrader = Firm.jsonList(admin.get("/api/audit?subject=" + trader).body());
        assertThat(ofTrader).extracting(e -> e.get("action")).containsExactly("user_created", "trader_created");
        assertThat(ofTrader).allSatisfy(e -> assertThat(e).containsEntry("actor", "admin"));
        assertThat(ofTrader.get(1).get("detail")).isEqualTo(Map.of("name", "Trader " + trader,
                "email", trader + "@example.com", "login", trader));
        assertThat(ofTrader.get(0).get("detail")).isEqualTo(Map.of("roles", List.of("TRADER"), "trader", trader));
        assertThat(admin.get("/api/audit?subject=token:" + token.get("id")).body())
                .contains("token_created", "token_revoked").doesNotContain((String) token.get("token"));

        Firm.importTestProgram(admin);
        assertThat(admin.get("/api/audit?action=programs_imported").body()).contains("\"actor\":\"admin\"");
        assertThat(admin.get("/api/programs/documents").body()).contains("\"importedBy\":\"admin\"");
    }
}
