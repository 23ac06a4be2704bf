package dev.propos.server.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.platform.PlatformCommand;
import dev.propos.server.Firm;
import dev.propos.server.RecordingPlatform;
import dev.propos.server.ServerTest;
import dev.propos.server.TestClient;
import dev.propos.server.ledger.Ledger;
import dev.propos.server.payments.Pain002Samples;
import dev.propos.server.payments.PaymentSettings;
import dev.propos.server.web.WebhookSignature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Money from the trader's purchase to the trader's payout: a Stripe checkout enrolls the trader;
 * the trader passes; the funded account waits for KYC, then trades; a payout is asked, checked by
 * the engine, approved by policy, executed (the platform balance goes down) and paid through the
 * pain.001 rail; a second one inside the interval is refused with the engine's reason; a large one
 * waits for two different approvers. The ledger balances at every step, and a retried webhook or
 * execution posts nothing twice.
 */
@ServerTest
@TestPropertySource(properties = {
        "propos.test.server=payouts",
        "propos.payments.default-rail=pain001",
        "propos.payments.debtor.name=PropOS Test Firm",
        "propos.payments.debtor.iban=DE89370400440532013000",
        "propos.payments.outbox=${java.io.tmpdir}/propos-payout-test-${random.uuid}",
        "propos.payments.batch-interval=200ms",
        "propos.payments.inbox=${java.io.tmpdir}/propos-payout-inbox-${random.uuid}",
        "propos.payments.inbox-interval=200ms",
        "propos.payouts.janitor-interval=100ms",
        "propos.payouts.stuck-after=300ms",
        "propos.payouts.max-attempts=2",
        "propos.payouts.confirm-within=2s"})
// A server of its own, closed after the class: its threads and database are not left running.
@DirtiesContext
class PayoutEndToEndTest {

    private static final WebhookSignature STRIPE = new WebhookSignature(TestClient.STRIPE_SECRET, Duration.ofMinutes(5));
    private static final Path CONFIG = Path.of("src", "test", "resources", "payout-firm.yaml");

    @LocalServerPort
    int port;

    @Autowired
    RecordingPlatform platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerPayoutLedger payoutLedger;

    @Autowired
    PayoutStore payouts;

    @Autowired
    PaymentSettings payments;

    @Test
    void fromPurchaseToPaidPayout() throws IOException {
        TestClient admin = TestClient.admin(port);
        Firm.importConfig(admin, CONFIG);

        // A purchase through Stripe enrolls the trader (delivered twice: taken once).
        String checkout = """
                {"id":"evt_E2E","type":"checkout.session.completed","data":{"object":{"id":"cs_E2E",
                 "payment_intent":"pi_E2E","amount_total":9900,"currency":"usd",
                 "customer_details":{"email":"e2e@example.com","name":"Eve Trader"},
                 "metadata":{"program":"payout-100k","trader":"tr-e2e"}}}}""";
        assertThat(stripe(checkout).body()).contains("\"outcome\":\"taken\"");
        assertThat(stripe(checkout).body()).contains("\"outcome\":\"already_taken\"");
        String challenge = jdbc.sql("select account from purchases where checkout_session = 'cs_E2E'").query(String.class).single();
        Firm.awaitUntil(() -> startTime(challenge) != null, "the bought account started");
        assertBalanced();
        assertThat(transfers("purchase:cs_E2E")).isEqualTo(1);
        Instant t0 = startTime(challenge);

        // The challenge passes; the funded account waits for the trader's verification.
        events(admin,
                quote(t0.plusSeconds(60), "1.08000", "1.08010", "q1"),
                open(t0.plusSeconds(120), challenge, "c1", "10", "1.08010"),
                close(t0.plusSeconds(3600), challenge, "c1", "1.08130"));
        String funded = challenge + "-funded";
        Firm.awaitUntil(() -> jdbc.sql("select count(*) from reactions where waits_for = 'kyc:tr-e2e'").query(Long.class)
                .single() == 1, "the funded account waits for KYC");
        admin.postJson("/api/traders/tr-e2e/kyc/decision", "{\"approved\":true,\"reason\":\"passport checked\"}");
        Firm.awaitUntil(() -> startTime(funded) != null, "the funded account started");

        // The funded account makes 15,000; the trader gives bank details and logs in.
        events(admin,
                quote(t0.plusSeconds(7200), "1.08000", "1.08010", "q2"),
                open(t0.plusSeconds(7260), funded, "f1", "50", "1.08010"),
                close(t0.plusSeconds(10_800), funded, "f1", "1.08310"),
                clock(t0.plus(Duration.ofDays(1)).plusSeconds(7300), "k1"));
        assertThat(admin.put("/api/traders/tr-e2e/bank",
                "{\"name\":\"Eve Trader\",\"iban\":\"GB82WEST12345698765432\",\"country\":\"GB\"}").status()).isEqualTo(200);
        admin.postJson("/api/traders/tr-e2e/logins", "{\"username\":\"eve\",\"password\":\"eve-password-1\"}");
        TestClient eve = TestClient.user(port, "eve", "eve-password-1");

        // A first payout: checked, approved by policy, executed, sent in a pain.001 file, paid.
        assertThat(eve.postJson("/api/accounts/" + funded + "/payouts", "{\"amount\":1500}").status()).isEqualTo(202);
        Payout first = awaitPayout(funded, 1, PayoutState.SUBMITTED);
        assertThat(first.traderShareCents()).isEqualTo(120_000);
        assertThat(first.firmShareCents()).isEqualTo(30_000);
        assertThat(first.feeRefundCents()).isEqualTo(9_900);
        assertBalanced();
        assertThat(adjustments(funded)).containsExactly(new BigDecimal("-1500.00"));
        Path file = awaitFile(first.id());
        String xml = Files.readString(file);
        assertThat(xml).contains("<EndToEndId>" + first.id() + "</EndToEndId>", "Ccy=\"USD\">1299.00<",
                "GB82WEST12345698765432", "PropOS Test Firm");
        // The bank's status report settles it (handed in by FINANCE; a second time changes nothing).
        String fileId = file.getFileName().toString().replace("pain.001-", "").replace(".xml", "");
        String report = Pain002Samples.report("BANK-STS-1", fileId, "ACCP", Pain002Samples.Line.settled(first.id(), "BANK-REF-1"));
        TestClient.Answer settled = admin.post("/api/payments/status-reports", "application/xml", report);
        assertThat(settled.body()).as(settled.body()).contains("\"result\":\"applied\"", "paid, reference BANK-REF-1");
        assertThat(payouts.byId(first.id()).orElseThrow().state()).isEqualTo(PayoutState.PAID);
        assertThat(admin.post("/api/payments/status-reports", "application/xml", report).body()).contains("\"result\":\"already\"");
        assertThat(eve.post("/api/payments/status-reports", "application/xml", report).status()).as("a trader").isEqualTo(403);
        TestClient.Answer broken = admin.post("/api/payments/status-reports", "application/xml", "<Document>");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("status report refused (kept for inspection): line 1, column 11");
        String received = admin.get("/api/payments/status-reports?limit=2").body();
        assertThat(received).contains("\"error\":\"line 1, column 11", "\"messageId\":\"BANK-STS-1\"");
        long refusedId = ((Number) Firm.jsonList(received).getFirst().get("id")).longValue();
        assertThat(admin.get("/api/payments/status-reports/" + refusedId + "/document").body())
                .as("kept as it came").isEqualTo("<Document>");
        assertThat(payouts.steps(first.id()).getLast().actor()).isEqualTo("bank");
        assertBalanced();
        assertThat(cashCents()).as("cash: the fee in, the payout out").isEqualTo(9_900 - 129_900);

        // Executing it again (a retry after a crash) posts nothing and adjusts the platform once.
        long transfersBefore = allTransfers();
        payoutLedger.execute(payouts.byId(first.id()).orElseThrow());
        payoutLedger.paid(payouts.byId(first.id()).orElseThrow(), "BANK-REF-1");
        assertThat(allTransfers()).isEqualTo(transfersBefore);
        assertThat(stripe(checkout).body()).contains("already_taken");
        assertThat(allTransfers()).isEqualTo(transfersBefore);

        // A second payout inside the interval is refused with the engine's reason.
        eve.postJson("/api/accounts/" + funded + "/payouts", "{\"amount\":100}");
        Payout second = awaitPayout(funded, 2, PayoutState.REFUSED);
        assertThat(second.reasons()).contains("too_early");

        // Three days on, a large payout waits for two different approvers.
        events(admin, clock(t0.plus(Duration.ofDays(4)).plusSeconds(7400), "k2"));
        eve.postJson("/api/accounts/" + funded + "/payouts", "{\"amount\":12000}");
        Payout large = awaitPayout(funded, 3, PayoutState.IN_REVIEW);
        // One payout at a time (a cancellation gives back the last approved one): asking again is refused.
        TestClient.Answer again = eve.postJson("/api/accounts/" + funded + "/payouts", "{\"amount\":100}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("payout " + large.id() + " of account " + funded + " is in_review");
        assertThat(payouts.ofAccount(funded)).hasSize(3);
        assertThat(eve.postJson("/api/payouts/" + large.id() + "/approve", "{}").status()).as("a trader").isEqualTo(403);
        admin.postJson("/api/payouts/" + large.id() + "/approve", "{\"note\":\"checked the trades\"}");
        assertThat(payouts.byId(large.id()).orElseThrow().state()).isEqualTo(PayoutState.IN_REVIEW);
        assertThat(admin.postJson("/api/payouts/" + large.id() + "/approve", "{}").status()).as("the same person")
                .isEqualTo(409);
        admin.postJson("/api/users", "{\"username\":\"fin\",\"password\":\"finance-password-1\",\"roles\":[\"FINANCE\"]}");
        TestClient.user(port, "fin", "finance-password-1").postJson("/api/payouts/" + large.id() + "/approve", "{}");
        awaitPayout(funded, 3, PayoutState.SUBMITTED);
        assertBalanced();
        assertThat(adjustments(funded)).containsExactly(new BigDecimal("-1500.00"), new BigDecimal("-12000.00"));
        assertThat(admin.get("/api/audit?subject=" + large.id()).body()).contains("payout_approved", "admin", "fin");
        assertThat(eve.get("/api/notifications").body()).contains("is paid", "being reviewed");

        // Submitted and never confirmed: the janitor escalates it to FINANCE.
        Firm.awaitUntil(() -> payouts.byId(large.id()).orElseThrow().escalatedAt() != null, "the unconfirmed payout escalated");
        assertThat(admin.get("/api/audit?subject=" + large.id()).body()).contains("payout_escalated");

        // A request made on the platform meanwhile passes the engine's rules, but is not approved by itself.
        events(admin, clock(t0.plus(Duration.ofDays(8)), "k3"), """
                {"type":"payout_requested","time":"%s","id":"e2e-platform-payout","account":"%s","amount":50}"""
                .formatted(t0.plus(Duration.ofDays(8)).plusSeconds(1), funded));
        Payout fromPlatform = awaitPayout(funded, 4, PayoutState.IN_REVIEW);
        assertThat(payouts.steps(fromPlatform.id()).getLast().note())
                .contains("payout " + large.id() + " of the account is still submitted");
    }

    @Test
    void aPaymentThatKeepsFailingIsCancelledAndTheAccountGetsItsMoneyBack() throws IOException, InterruptedException {
        TestClient admin = TestClient.admin(port);
        Firm.importConfig(admin, CONFIG);
        String checkout = """
                {"id":"evt_FAIL","type":"checkout.session.completed","data":{"object":{"id":"cs_FAIL",
                 "amount_total":9900,"currency":"usd","customer_details":{"email":"fail@example.com","name":"Finn Fail"},
                 "metadata":{"program":"payout-100k","trader":"tr-fail"}}}}""";
        stripe(checkout);
        String challenge = jdbc.sql("select account from purchases where checkout_session = 'cs_FAIL'").query(String.class).single();
        Firm.awaitUntil(() -> startTime(challenge) != null, "the bought account started");
        Instant t0 = startTime(challenge);
        admin.postJson("/api/traders/tr-fail/kyc/decision", "{\"approved\":true}");
        events(admin,
                quote(t0.plusSeconds(60), "1.08000", "1.08010", "fq1"),
                open(t0.plusSeconds(120), challenge, "fc1", "10", "1.08010"),
                close(t0.plusSeconds(3600), challenge, "fc1", "1.08130"));
        String funded = challenge + "-funded";
        Firm.awaitUntil(() -> startTime(funded) != null, "the funded account started");
        events(admin,
                quote(t0.plusSeconds(7200), "1.08000", "1.08010", "fq2"),
                open(t0.plusSeconds(7260), funded, "ff1", "10", "1.08010"),
                close(t0.plusSeconds(10_800), funded, "ff1", "1.08310"),
                clock(t0.plus(Duration.ofDays(1)).plusSeconds(7300), "fk1"));
        admin.put("/api/traders/tr-fail/bank", "{\"name\":\"Finn Fail\",\"iban\":\"GB82WEST12345698765432\",\"country\":\"GB\"}");
        String before = balance(admin, funded);

        admin.postJson("/api/accounts/" + funded + "/payouts", "{\"amount\":1000}");
        Payout payout = awaitPayout(funded, 1, PayoutState.SUBMITTED);
        assertThat(balance(admin, funded)).as("the engine reserved the amount").isNotEqualTo(before);
        // The bank rejects it in its status report, from the inbox; then FINANCE records a second failure.
        String fileId = awaitFile(payout.id()).getFileName().toString().replace("pain.001-", "").replace(".xml", "");
        Path report = payments.inbox().resolve("sts-" + fileId + ".xml");
        Files.createDirectories(payments.inbox());
        Files.writeString(report, Pain002Samples.report("BANK-STS-9", fileId, null,
                Pain002Samples.Line.rejected(payout.id(), "AC04", "account closed")));
        Files.setLastModifiedTime(report, FileTime.from(Instant.now().minusSeconds(10)));
        Firm.awaitUntil(() -> payouts.byId(payout.id()).orElseThrow().awaitingBankDetailsSince() != null,
                "rejected by the bank for the account: waits for new bank details");
        assertThat(payouts.steps(payout.id()).getLast().note())
                .isEqualTo("the bank rejected it: AC04 (closed account number): account closed");
        Thread.sleep(1_000); // past stuck-after (300 ms) several janitor rounds: not sent again to a closed account
        assertThat(payouts.byId(payout.id()).orElseThrow()).extracting(Payout::state, Payout::attempts)
                .containsExactly(PayoutState.FAILED, 1);
        assertThat(admin.get("/api/notifications?trader=tr-fail").body()).contains("Please update your bank details");
        admin.put("/api/traders/tr-fail/bank", "{\"name\":\"Finn Fail\",\"iban\":\"GB29NWBK60161331926819\",\"country\":\"GB\"}");
        Firm.awaitUntil(() -> payouts.byId(payout.id()).orElseThrow().attempts() == 2, "tried again with the new details");
        assertThat(Files.readString(awaitFileWith(payout.id(), "GB29NWBK60161331926819"))).contains(payout.id());
        Firm.awaitUntil(() -> payouts.byId(payout.id()).orElseThrow().state() == PayoutState.SUBMITTED
                && payouts.byId(payout.id()).orElseThrow().attempts() == 2, "tried again");
        admin.postJson("/api/payouts/" + payout.id() + "/failed", "{\"note\":\"beneficiary account closed\"}");

        Firm.awaitUntil(() -> payouts.byId(payout.id()).orElseThrow().state() == PayoutState.CANCELLED, "cancelled");
        Firm.awaitUntil(() -> {
            Firm.awaitEvaluated(admin);
            return balance(admin, funded).equals(before);
        }, "the engine gave the amount back (payout_cancelled)");
        assertThat(platform.executed().stream().filter(c -> c instanceof PlatformCommand.AdjustBalance
                && c.account().equals(funded)).map(c -> ((PlatformCommand.AdjustBalance) c).amount()).toList())
                .containsExactly(new BigDecimal("-1000.00"), new BigDecimal("1000.00"));
        assertBalanced();
        assertThat(jdbc.sql("select credits_posted - debits_posted from ledger_accounts where id = 'payouts_payable:tr-fail:USD'")
                .query(Long.class).single()).as("nothing owed any more").isZero();
        assertThat(payouts.steps(payout.id())).extracting(PayoutStore.Step::to)
                .containsExactly("checked", "approved", "executed", "submitted", "failed", "executed", "submitted",
                        "failed", "cancelled");
    }

    private static String balance(TestClient admin, String account) {
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) Firm.json(admin.get("/api/accounts/" + account).body()).get("figures");
        return String.valueOf(figures.get("balance"));
    }

    private Payout awaitPayout(String account, int number, PayoutState state) {
        Firm.awaitUntil(() -> payouts.ofAccount(account).size() >= number
                && payouts.ofAccount(account).get(number - 1).state() == state, "payout " + number + " " + state);
        return payouts.ofAccount(account).get(number - 1);
    }

    private Path awaitFile(String payoutId) {
        Firm.awaitUntil(() -> fileWith(payoutId) != null, "a pain.001 file with payout " + payoutId);
        return fileWith(payoutId);
    }

    private Path awaitFileWith(String payoutId, String text) {
        Firm.awaitUntil(() -> fileWith(payoutId, text) != null, "a pain.001 file with payout " + payoutId + " and " + text);
        return fileWith(payoutId, text);
    }

    private Path fileWith(String payoutId) {
        return fileWith(payoutId, payoutId);
    }

    private Path fileWith(String payoutId, String text) {
        Path outbox = payments.outbox();
        if (!Files.isDirectory(outbox)) {
            return null;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".xml")).filter(f -> {
                try {
                    String xml = Files.readString(f);
                    return xml.contains(payoutId) && xml.contains(text);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private void assertBalanced() {
        assertThat(ledger.discrepancies()).as("every account equals its transfers").isEmpty();
        Map<String, Object> sums = jdbc.sql("""
                select sum(debits_posted) as dp, sum(credits_posted) as cp, sum(debits_pending) as dn,
                       sum(credits_pending) as cn from ledger_accounts""").query().singleRow();
        assertThat(sums.get("dp")).as("posted debits = credits").isEqualTo(sums.get("cp"));
        assertThat(sums.get("dn")).as("pending debits = credits").isEqualTo(sums.get("cn"));
    }

    private long cashCents() {
        return jdbc.sql("select debits_posted - credits_posted from ledger_accounts where id = 'cash:USD'")
                .query(Long.class).single();
    }

    private long transfers(String key) {
        return jdbc.sql("select count(*) from ledger_transfers where idempotency_key = ?").param(key).query(Long.class).single();
    }

    private long allTransfers() {
        return jdbc.sql("select count(*) from ledger_transfers").query(Long.class).single();
    }

    private List<BigDecimal> adjustments(String account) {
        Firm.awaitUntil(() -> platform.executed().stream().filter(c -> c instanceof PlatformCommand.AdjustBalance
                && c.account().equals(account)).count() == payouts.ofAccount(account).stream()
                .filter(p -> p.state() == PayoutState.SUBMITTED || p.state() == PayoutState.PAID).count(),
                "the platform's balance adjusted");
        return platform.executed().stream().filter(c -> c instanceof PlatformCommand.AdjustBalance && c.account().equals(account))
                .map(c -> ((PlatformCommand.AdjustBalance) c).amount()).toList();
    }

    private Instant startTime(String account) {
        return jdbc.sql("select event_time from events where event_id = ?").param("start-" + account)
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }

    private TestClient.Answer stripe(String event) {
        return TestClient.anonymous(port).postSigned("/api/webhooks/stripe", event, "Stripe-Signature",
                STRIPE.sign(event.getBytes(StandardCharsets.UTF_8), Instant.now()));
    }

    private static void events(TestClient admin, String... lines) {
        TestClient.Answer answer = admin.post("/api/events", "application/x-ndjson", String.join("\n", lines));
        assertThat(answer.body()).as(answer.body()).contains("\"rejected\":0");
        Firm.awaitEvaluated(admin);
    }

    private static String quote(Instant at, String bid, String ask, String id) {
        return "{\"type\":\"quote\",\"time\":\"%s\",\"id\":\"e2e-%s\",\"symbol\":\"EURUSD\",\"bid\":%s,\"ask\":%s}"
                .formatted(at, id, bid, ask);
    }

    private static String open(Instant at, String account, String position, String lots, String price) {
        return ("{\"type\":\"position_opened\",\"time\":\"%s\",\"id\":\"e2e-o-%s\",\"account\":\"%s\",\"position\":\"%s\","
                + "\"symbol\":\"EURUSD\",\"side\":\"buy\",\"lots\":%s,\"price\":%s}").formatted(at, position, account,
                position, lots, price);
    }

    private static String close(Instant at, String account, String position, String price) {
        return "{\"type\":\"position_closed\",\"time\":\"%s\",\"id\":\"e2e-c-%s\",\"account\":\"%s\",\"position\":\"%s\",\"price\":%s}"
                .formatted(at, position, account, position, price);
    }

    private static String clock(Instant at, String id) {
        return "{\"type\":\"clock\",\"time\":\"%s\",\"id\":\"e2e-%s\"}".formatted(at, id);
    }

}
