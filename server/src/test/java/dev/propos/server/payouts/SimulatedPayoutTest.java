package dev.propos.server.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.server.Firm;
import dev.propos.server.TestClient;
import dev.propos.server.ledger.Ledger;
import dev.propos.server.web.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The money flow on the built-in simulator, as the firm runs by default (fast: a trading day in
 * three seconds): a Stripe purchase enrolls a buyer; a simulated trader passes into the funded phase
 * and waits for identity verification; verified, the funded account trades, its trader asks for a
 * payout, which is checked by the engine, approved, executed (the simulated platform's balance goes
 * down) and paid through a pain.001 file, with the ledger balanced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "propos.db.data-directory=${java.io.tmpdir}/propos-simulated-payout-${random.uuid}",
        "propos.admin.password=" + TestClient.ADMIN_PASSWORD,
        "propos.stripe.webhook-secret=" + TestClient.STRIPE_SECRET,
        "propos.simulator.time-scale=28800",
        "propos.simulator.verify-demo-traders=false",
        "propos.payments.default-rail=pain001",
        "propos.payments.debtor.name=PropOS Demo Firm",
        "propos.payments.debtor.iban=DE89370400440532013000",
        "propos.payments.batch-interval=200ms",
        "propos.payouts.janitor-interval=200ms"})
@DirtiesContext
class SimulatedPayoutTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    PayoutStore payouts;

    @Test
    void aSimulatedTraderIsPaidThroughTheWholeFlow() {
        TestClient admin = TestClient.admin(port);
        awaitUntil(() -> !jdbc.sql("select id from firm_config").query(Long.class).list().isEmpty(), "the demo firm");

        // A buyer through Stripe is enrolled into the demo program.
        String checkout = """
                {"id":"evt_SIM","type":"checkout.session.completed","data":{"object":{"id":"cs_SIM","amount_total":54900,
                 "currency":"usd","customer_details":{"email":"buyer@example.com","name":"Bea Buyer"},
                 "metadata":{"program":"two-step-100k","trader":"tr-buyer"}}}}""";
        TestClient.Answer bought = TestClient.anonymous(port).postSigned("/api/webhooks/stripe", checkout, "Stripe-Signature",
                new WebhookSignature(TestClient.STRIPE_SECRET, Duration.ofMinutes(5))
                        .sign(checkout.getBytes(StandardCharsets.UTF_8), Instant.now()));
        assertThat(bought.body()).contains("\"outcome\":\"taken\"");

        // A simulated trader passes into the funded phase: its account waits for verification.
        awaitUntil(() -> waitingTrader() != null, "a pass into the funded phase waiting for KYC");
        String trader = waitingTrader();
        admin.postJson("/api/traders/" + trader + "/kyc/decision", "{\"approved\":true,\"reason\":\"documents seen\"}");

        // Its funded account trades and its trader asks for a payout: approve it if the policy asks.
        awaitUntil(() -> {
            for (Payout payout : fundedPayouts(trader)) {
                if (payout.state() == PayoutState.IN_REVIEW) {
                    admin.postJson("/api/payouts/" + payout.id() + "/approve", "{}");
                    secondApprover(admin).postJson("/api/payouts/" + payout.id() + "/approve", "{}");
                }
                if (payout.state() == PayoutState.SUBMITTED) {
                    return true;
                }
            }
            return false;
        }, "a payout of the simulated trader submitted to the bank");
        Payout payout = fundedPayouts(trader).stream().filter(p -> p.state() == PayoutState.SUBMITTED).findFirst()
                .orElseThrow();
        assertThat(admin.postJson("/api/payouts/" + payout.id() + "/paid", "{\"note\":\"BANK-SIM-1\"}").body())
                .contains("\"state\":\"PAID\"");

        assertThat(jdbc.sql("select status from reactions where command_id = ?").param("payout-" + payout.id())
                .query(String.class).single()).as("the simulated platform's balance went down").isEqualTo("done");
        assertThat(jdbc.sql("select count(*) from rail_payments where payment_id = ?").param(payout.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(ledger.discrepancies()).isEmpty();
        assertThat(jdbc.sql("select sum(debits_posted) - sum(credits_posted) from ledger_accounts").query(Long.class).single())
                .isZero();
    }

    private String waitingTrader() {
        List<String> keys = jdbc.sql("select waits_for from reactions where waits_for like 'kyc:%' and seq is not null")
                .query(String.class).list();
        return keys.isEmpty() ? null : keys.getFirst().substring("kyc:".length());
    }

    private List<Payout> fundedPayouts(String trader) {
        return jdbc.sql("select id from payouts where trader = ? order by created_at").param(trader).query(String.class)
                .list().stream().map(id -> payouts.byId(id).orElseThrow()).toList();
    }

    private TestClient secondApprover(TestClient admin) {
        admin.postJson("/api/users", "{\"username\":\"fin2\",\"password\":\"finance-password-2\",\"roles\":[\"FINANCE\"]}");
        return TestClient.user(port, "fin2", "finance-password-2");
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Firm.sleep(250);
        }
    }
}
