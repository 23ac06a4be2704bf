package dev.propos.server.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.server.Firm;
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

/** A Stripe checkout enrolls its buyer once, however often it is delivered; bad deliveries are refused and kept. */
@ServerTest
// Its events are timed after the API tests' (the firm's clock only goes forward): a server shared
// with the other classes whose times run later.
@TestPropertySource(properties = "propos.test.server=later")
class StripeWebhookTest {

    private static final WebhookSignature STRIPE = new WebhookSignature(TestClient.STRIPE_SECRET, Duration.ofMinutes(5));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCheckoutCreatesTheTraderAndEnrollsItOnceAndARefundIsRecorded() {
        TestClient admin = TestClient.admin(port);
        Firm.importConfig(admin, Firm.LOAD_FIRM);
        String checkout = """
                {"id":"evt_S1","type":"checkout.session.completed","data":{"object":{"id":"cs_S1","object":"checkout.session",
                 "payment_intent":"pi_S1","amount_total":9900,"currency":"usd",
                 "customer_details":{"email":"Ana.Buyer@example.com","name":"Ana Buyer"},
                 "metadata":{"program":"load-10k"}}}}""";

        TestClient.Answer first = deliver(checkout);
        TestClient.Answer again = deliver(checkout);

        assertThat(first.body()).contains("\"outcome\":\"taken\"");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("\"outcome\":\"already_taken\"");
        String trader = Purchases.traderOf("ana.buyer@example.com");
        assertThat(admin.get("/api/traders/" + trader).body()).contains("\"name\":\"Ana Buyer\"");
        String account = jdbc.sql("select account from purchases where checkout_session = 'cs_S1'").query(String.class).single();
        assertThat(jdbc.sql("select count(*) from purchases where trader = ?").param(trader).query(Long.class).single())
                .isEqualTo(1);
        Firm.awaitUntil(() -> jdbc.sql("select count(*) from events where event_id = ?").param("start-" + account)
                .query(Long.class).single() == 1, "the bought account started");
        assertThat(admin.get("/api/accounts/" + account).body()).contains("\"fee\":99.00");

        String refund = """
                {"id":"evt_S1r","type":"charge.refunded","data":{"object":{"id":"ch_S1","object":"charge",
                 "payment_intent":"pi_S1","amount_refunded":4950,"currency":"usd"}}}""";
        assertThat(deliver(refund).body()).contains("\"outcome\":\"taken\"");
        assertThat(jdbc.sql("select refunded_cents from purchases where checkout_session = 'cs_S1'").query(Long.class)
                .single()).isEqualTo(4950);
    }

    @Test
    void unsignedBadlySignedAndUnusableDeliveriesAreRefusedAndKept() {
        TestClient stripe = TestClient.anonymous(port);
        String event = """
                {"id":"evt_S2","type":"checkout.session.completed","data":{"object":{"id":"cs_S2","amount_total":100,
                 "currency":"usd","customer_details":{"email":"x@example.com"},"metadata":{}}}}""";
        byte[] body = event.getBytes(StandardCharsets.UTF_8);

        assertThat(stripe.postSigned("/api/webhooks/stripe", event, "Stripe-Signature", null).status()).isEqualTo(400);
        assertThat(stripe.postSigned("/api/webhooks/stripe", event, "Stripe-Signature",
                new WebhookSignature("whsec_other", Duration.ofMinutes(5)).sign(body, Instant.now())).status()).isEqualTo(400);
        TestClient.Answer noProgram = deliver(event);

        assertThat(noProgram.status()).isEqualTo(400);
        assertThat(noProgram.body()).contains("names no program");
        assertThat(jdbc.sql("select reason from webhook_rejections where body like '%evt_S2%' order by id").query(String.class)
                .list()).containsExactly("the delivery is not signed", "no signature matches",
                "checkout session cs_S2 names no program in its metadata");
        assertThat(jdbc.sql("select count(*) from webhook_deliveries where delivery_id = 'evt_S2'").query(Long.class).single())
                .as("a refused event is not remembered: its corrected retry is taken").isZero();
    }

    private TestClient.Answer deliver(String event) {
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        return TestClient.anonymous(port).postSigned("/api/webhooks/stripe", event, "Stripe-Signature",
                STRIPE.sign(body, Instant.now()));
    }

}
