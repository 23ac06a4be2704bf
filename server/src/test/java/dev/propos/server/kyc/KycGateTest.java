package dev.propos.server.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.platform.PlatformCommand;
import dev.propos.server.Firm;
import dev.propos.server.RecordingPlatform;
import dev.propos.server.ServerTest;
import dev.propos.server.TestClient;
import dev.propos.server.web.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A pass into a funded phase waits for the trader's identity verification, then continues by
 * itself: approved by staff, or by a provider's signed webhook (unsigned, badly signed and
 * replayed deliveries change nothing).
 */
@ServerTest
// Its events are timed after the API tests' (the firm's clock only goes forward): a server shared
// with the other classes whose times run later.
@TestPropertySource(properties = "propos.test.server=later")
class KycGateTest {

    private static final WebhookSignature PROVIDER = new WebhookSignature(TestClient.KYC_SECRET, Duration.ofMinutes(5));

    @LocalServerPort
    int port;

    @Autowired
    RecordingPlatform platform;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPassIntoFundedWaitsForStaffApprovalThenCreatesTheAccount() {
        TestClient admin = TestClient.admin(port);
        passChallenge(admin, "K1", "2027-04-05");
        Firm.awaitUntil(() -> waiting("K1-funded") == 1, "the funded account's creation waits");
        Firm.sleep(300);
        assertThat(created("K1-funded")).as("not created before verification").isFalse();

        TestClient.Answer rejected = admin.postJson("/api/traders/trader-K1/kyc/decision", "{\"approved\":false}");
        assertThat(rejected.status()).isEqualTo(400);
        TestClient.Answer approved = admin.postJson("/api/traders/trader-K1/kyc/decision",
                "{\"approved\":true,\"reason\":\"passport checked\"}");

        assertThat(approved.body()).contains("\"status\":\"APPROVED\"", "\"decidedBy\":\"admin\"");
        Firm.awaitUntil(() -> created("K1-funded"), "the funded account created after approval");
        Firm.awaitUntil(() -> jdbc.sql("select count(*) from events where event_id = 'start-K1-funded'").query(Long.class)
                .single() == 1, "the funded account started");
        assertThat(admin.get("/api/audit?subject=trader-K1").body()).contains("kyc_approved", "passport checked");
        assertThat(jdbc.sql("select message from notifications where trader = 'trader-K1' and kind = 'kyc'")
                .query(String.class).list()).singleElement().asString().contains("funded account is being created");
    }

    @Test
    void aProvidersSignedWebhookApprovesOnceAndBadDeliveriesAreRefused() {
        TestClient admin = TestClient.admin(port);
        passChallenge(admin, "K2", "2027-05-03");
        Firm.awaitUntil(() -> waiting("K2-funded") == 1, "the funded account's creation waits");
        TestClient anonymous = TestClient.anonymous(port);
        byte[] body = """
                {"id":"dlv-K2-1","trader":"trader-K2","reference":"sess-9","status":"approved"}"""
                .getBytes(StandardCharsets.UTF_8);

        assertThat(webhook(anonymous, body, null).status()).as("unsigned").isEqualTo(400);
        assertThat(webhook(anonymous, body, PROVIDER.sign(body, Instant.now().minusSeconds(3600))).status())
                .as("stale").isEqualTo(400);
        assertThat(webhook(anonymous, body, new WebhookSignature("another-secret", Duration.ofMinutes(5))
                .sign(body, Instant.now())).status()).as("badly signed").isEqualTo(400);
        assertThat(waiting("K2-funded")).isEqualTo(1);

        TestClient.Answer accepted = webhook(anonymous, body, PROVIDER.sign(body, Instant.now()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        Firm.awaitUntil(() -> created("K2-funded"), "the funded account created after the webhook");

        // A replay of the same delivery, even signed anew, changes nothing.
        admin.postJson("/api/traders/trader-K2/kyc/decision", "{\"approved\":false,\"reason\":\"document expired\"}");
        assertThat(webhook(anonymous, body, PROVIDER.sign(body, Instant.now())).status()).isEqualTo(200);
        assertThat(admin.get("/api/traders/trader-K2/kyc").body()).contains("\"status\":\"REJECTED\"");
    }

    /** A challenge account of trader-{@code id} makes 2% and passes into the funded phase. */
    private static void passChallenge(TestClient admin, String id, String day) {
        Firm.importConfig(admin, Firm.LOAD_FIRM);
        String lines = """
                {"type":"account_started","time":"%2$sT08:00:00Z","id":"%1$s-s","account":"%1$s","program":"load-10k","trader":"trader-%1$s"}
                {"type":"quote","time":"%2$sT08:00:01Z","id":"%1$s-q","symbol":"EURUSD","bid":1.08000,"ask":1.08010}
                {"type":"position_opened","time":"%2$sT08:01:00Z","id":"%1$s-o","account":"%1$s","position":"p1","symbol":"EURUSD","side":"buy","lots":2,"price":1.08010}
                {"type":"position_closed","time":"%2$sT09:00:00Z","id":"%1$s-c","account":"%1$s","position":"p1","price":1.08130}"""
                .formatted(id, day);
        assertThat(admin.post("/api/events", "application/x-ndjson", lines).body()).contains("\"rejected\":0");
    }

    private TestClient.Answer webhook(TestClient client, byte[] body, String signature) {
        return client.postSigned("/api/webhooks/kyc/webhook", new String(body, StandardCharsets.UTF_8), signature);
    }

    private long waiting(String account) {
        return jdbc.sql("select count(*) from reactions where kind = 'create_account' and waits_for is not null"
                + " and command like ?").param("%\"" + account + "\"%").query(Long.class).single();
    }

    private boolean created(String account) {
        return platform.executed().stream().anyMatch(c -> c instanceof PlatformCommand.CreateAccount
                && c.account().equals(account));
    }

}
