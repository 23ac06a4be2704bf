package dev.propos.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.server.Firm;
import dev.propos.server.ServerTest;
import dev.propos.server.ledger.TransferCommand.Hold;
import dev.propos.server.ledger.TransferCommand.Post;
import dev.propos.server.ledger.TransferCommand.PostPending;
import dev.propos.server.ledger.TransferCommand.VoidPending;
import dev.propos.server.ledger.TransferResult.Created;
import dev.propos.server.ledger.TransferResult.Refused;
import dev.propos.server.ledger.TransferResult.Replayed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ledger on the server's PostgreSQL: transfers, idempotency, holds, linked requests, limits, payouts. */
@ServerTest
class LedgerTest {

    private static final Reference CAUSE = Reference.event("ledger-test");

    @Autowired
    Ledger ledger;

    @Autowired
    PayoutPostings payouts;

    @Autowired
    ChartOfAccounts chart;

    /** A bank account (asset) and a trader's payable account (liability, never overpaid), in USD. */
    private record Accounts(String bank, String fees, String payable) {
    }

    private Accounts accounts() {
        String prefix = Firm.unique("lt");
        return new Accounts(
                ledger.open(new AccountSpec(prefix + ":bank", "Bank", AccountKind.ASSET, "USD", null, BalanceLimit.NONE)).id(),
                ledger.open(new AccountSpec(prefix + ":fees", "Fees", AccountKind.REVENUE, "USD", null, BalanceLimit.NONE)).id(),
                ledger.open(new AccountSpec(prefix + ":payable", "Payable", AccountKind.LIABILITY, "USD", prefix,
                        BalanceLimit.DEBITS_MUST_NOT_EXCEED_CREDITS)).id());
    }

    private static String key() {
        return Firm.unique("key");
    }

    @Test
    void aPostMovesMoneyOnceWhateverTheRetries() {
        Accounts a = accounts();
        Post fee = new Post(key(), a.bank(), a.fees(), 9_900, "USD", Reference.webhook("evt_1"), "challenge fee");

        TransferResult first = ledger.post(fee);
        TransferResult retry = ledger.post(fee);

        assertThat(first).isInstanceOf(Created.class);
        assertThat(retry).isInstanceOf(Replayed.class);
        assertThat(((Replayed) retry).transfer()).isEqualTo(((Created) first).transfer());
        assertThat(ledger.account(a.bank()).orElseThrow().balanceCents()).isEqualTo(9_900);
        assertThat(ledger.account(a.fees()).orElseThrow().balanceCents()).as("revenue grows with credits").isEqualTo(9_900);
        Refused different = (Refused) ledger.post(new Post(fee.key(), a.bank(), a.fees(), 9_901, "USD",
                fee.reference(), fee.description()));
        assertThat(different.refusal()).isEqualTo(Refusal.EXISTS_WITH_DIFFERENT_REQUEST);
        assertThat(ledger.balance(a.bank()).orElseThrow().debitsPostedCents()).isEqualTo(9_900);
    }

    @Test
    void badRequestsAreRefusedAndPostNothing() {
        Accounts a = accounts();
        String eur = ledger.open(new AccountSpec(Firm.unique("lt") + ":eur", "Euro bank", AccountKind.ASSET, "EUR", null,
                BalanceLimit.NONE)).id();

        assertThat(refusal(new Post(key(), a.bank(), a.fees(), 0, "USD", CAUSE, ""))).isEqualTo(Refusal.AMOUNT_NOT_POSITIVE);
        assertThat(refusal(new Post(key(), a.bank(), a.bank(), 5, "USD", CAUSE, ""))).isEqualTo(Refusal.SAME_ACCOUNT);
        assertThat(refusal(new Post(key(), a.bank(), "nowhere", 5, "USD", CAUSE, ""))).isEqualTo(Refusal.ACCOUNT_NOT_FOUND);
        assertThat(refusal(new Post(key(), eur, a.fees(), 5, "USD", CAUSE, ""))).isEqualTo(Refusal.CURRENCY_MISMATCH);
        assertThat(refusal(new Post(" ", a.bank(), a.fees(), 5, "USD", CAUSE, ""))).isEqualTo(Refusal.KEY_MISSING);
        assertThat(refusal(new Post(key(), a.bank(), a.fees(), 5, "USD", new Reference("event", ""), "")))
                .isEqualTo(Refusal.REFERENCE_MISSING);
        assertThat(refusal(new Post(key(), a.payable(), a.bank(), 1, "USD", CAUSE, "")))
                .as("the payable account is never debited past its credits").isEqualTo(Refusal.EXCEEDS_CREDITS);
        String vault = ledger.open(new AccountSpec(Firm.unique("lt") + ":vault", "Never overdrawn", AccountKind.ASSET,
                "USD", null, BalanceLimit.CREDITS_MUST_NOT_EXCEED_DEBITS)).id();
        assertThat(refusal(new Hold(key(), a.fees(), vault, 1, "USD", CAUSE, ""))).isEqualTo(Refusal.EXCEEDS_DEBITS);
        assertThat(ledger.account(a.bank()).orElseThrow().balance()).isEqualTo(Balance.ZERO);
        assertThat(ledger.account(a.payable()).orElseThrow().balance()).isEqualTo(Balance.ZERO);
    }

    @Test
    void aSumPastALongIsRefused() {
        Accounts a = accounts();
        assertThat(ledger.post(new Post(key(), a.bank(), a.fees(), Long.MAX_VALUE - 1, "USD", CAUSE, "")))
                .isInstanceOf(Created.class);

        assertThat(refusal(new Post(key(), a.bank(), a.fees(), 2, "USD", CAUSE, ""))).isEqualTo(Refusal.OVERFLOW);
        assertThat(ledger.balance(a.bank()).orElseThrow().debitsPostedCents()).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void aHoldIsPendingUntilPostedOrVoidedOnce() {
        Accounts a = accounts();
        ledger.post(new Post(key(), a.fees(), a.payable(), 10_000, "USD", CAUSE, "owed"));
        Hold hold = new Hold(key(), a.payable(), a.bank(), 6_000, "USD", CAUSE, "payment in flight");

        assertThat(ledger.hold(hold)).isInstanceOf(Created.class);
        assertThat(ledger.balance(a.payable()).orElseThrow()).isEqualTo(new Balance(6_000, 0, 0, 10_000));
        assertThat(refusal(new Post(key(), a.payable(), a.bank(), 4_001, "USD", CAUSE, "")))
                .as("held debits count against the limit").isEqualTo(Refusal.EXCEEDS_CREDITS);
        assertThat(refusal(new PostPending(key(), hold.key(), 6_001, CAUSE, ""))).isEqualTo(Refusal.AMOUNT_EXCEEDS_PENDING);

        PostPending post = new PostPending(key(), hold.key(), 5_000, CAUSE, "settled");
        Created posted = (Created) ledger.postPending(post);

        assertThat(posted.transfer().pendingKey()).isEqualTo(hold.key());
        assertThat(posted.transfer().status()).isEqualTo(TransferStatus.POSTED);
        assertThat(ledger.balance(a.payable()).orElseThrow()).as("the rest of the hold is released")
                .isEqualTo(new Balance(0, 5_000, 0, 10_000));
        assertThat(ledger.postPending(post)).isInstanceOf(Replayed.class);
        assertThat(refusal(new PostPending(key(), hold.key(), 1_000, CAUSE, ""))).isEqualTo(Refusal.PENDING_ALREADY_POSTED);
        assertThat(refusal(new VoidPending(key(), hold.key(), CAUSE, ""))).isEqualTo(Refusal.PENDING_ALREADY_POSTED);
        assertThat(refusal(new VoidPending(key(), "no-such-hold", CAUSE, ""))).isEqualTo(Refusal.PENDING_NOT_FOUND);
        assertThat(refusal(new VoidPending(key(), post.key(), CAUSE, ""))).isEqualTo(Refusal.NOT_PENDING);

        Hold second = new Hold(key(), a.payable(), a.bank(), 5_000, "USD", CAUSE, "");
        ledger.hold(second);
        assertThat(ledger.voidPending(new VoidPending(key(), second.key(), CAUSE, "bounced"))).isInstanceOf(Created.class);
        assertThat(refusal(new PostPending(key(), second.key(), 5_000, CAUSE, ""))).isEqualTo(Refusal.PENDING_ALREADY_VOIDED);
        assertThat(ledger.balance(a.payable()).orElseThrow()).isEqualTo(new Balance(0, 5_000, 0, 10_000));
        assertThat(ledger.discrepancies()).isEmpty();
    }

    @Test
    void linkedLegsPostAllOrNone() {
        Accounts a = accounts();
        Post owed = new Post(key(), a.fees(), a.payable(), 3_000, "USD", CAUSE, "owed");
        Post paid = new Post(key(), a.payable(), a.bank(), 3_000, "USD", CAUSE, "paid");
        Post overpaid = new Post(key(), a.payable(), a.bank(), 1, "USD", CAUSE, "one cent too many");

        Refused refused = (Refused) ledger.execute(List.of(owed, paid, overpaid));

        assertThat(refused.refusal()).isEqualTo(Refusal.EXCEEDS_CREDITS);
        assertThat(refused.leg()).isEqualTo(2);
        assertThat(ledger.balance(a.payable()).orElseThrow()).isEqualTo(Balance.ZERO);
        assertThat(ledger.execute(List.of(owed, paid))).isInstanceOf(Created.class);
        assertThat(ledger.execute(List.of(owed, paid))).isInstanceOf(Replayed.class);
        assertThat(((Refused) ledger.execute(List.of(owed, overpaid))).refusal()).isEqualTo(Refusal.PARTLY_EXISTS);

        Hold hold = new Hold(key(), a.bank(), a.fees(), 700, "USD", CAUSE, "");
        Created holdAndPost = (Created) ledger.execute(List.of(hold, new PostPending(key(), hold.key(), 700, CAUSE, "")));
        assertThat(holdAndPost.transfers().get(1).pendingId()).isEqualTo(holdAndPost.transfers().get(0).id());
        assertThat(ledger.balance(a.bank()).orElseThrow()).isEqualTo(new Balance(0, 700, 0, 3_000));
        assertThat(((Refused) ledger.execute(List.of(hold, hold))).refusal()).isEqualTo(Refusal.KEY_REPEATED);
    }

    @Test
    void aPayoutIsHeldWhenApprovedAndPostedWithItsPaymentWhenExecuted() {
        String trader = Firm.unique("payee");
        PayoutPostings.Payout payout = new PayoutPostings.Payout(Firm.unique("po"), trader, "USD", 80_000, 9_900);
        Reference decision = Reference.decision("r123-0");
        long cashBefore = ledger.account(chart.cash("USD")).orElseThrow().balanceCents();
        long paidBefore = ledger.account(chart.payoutsPaid("USD")).orElseThrow().balanceCents();

        assertThat(ledger.execute(payouts.approval(payout, decision))).isInstanceOf(Created.class);
        assertThat(ledger.execute(payouts.approval(payout, decision))).as("a replayed decision").isInstanceOf(Replayed.class);
        LedgerAccount payable = ledger.account(chart.payoutsPayable(trader, "USD")).orElseThrow();
        assertThat(payable.traderId()).isEqualTo(trader);
        assertThat(payable.pendingCents()).isEqualTo(89_900);
        assertThat(payable.balanceCents()).isZero();

        Reference paid = Reference.webhook("evt_paid_" + payout.payoutId());
        Created executed = (Created) ledger.execute(payouts.execution(payout, paid));
        assertThat(executed.transfers()).hasSize(3);
        assertThat(ledger.execute(payouts.execution(payout, paid))).isInstanceOf(Replayed.class);
        assertThat(((Refused) ledger.execute(payouts.denial(payout, paid))).refusal())
                .isEqualTo(Refusal.PENDING_ALREADY_POSTED);

        payable = ledger.account(payable.id()).orElseThrow();
        assertThat(payable.balance()).isEqualTo(new Balance(0, 89_900, 0, 89_900));
        assertThat(ledger.account(chart.cash("USD")).orElseThrow().balanceCents()).isEqualTo(cashBefore - 89_900);
        assertThat(ledger.account(chart.payoutsPaid("USD")).orElseThrow().balanceCents()).isEqualTo(paidBefore + 80_000);
        Statement statement = ledger.traderStatements(trader, null, null).getFirst();
        assertThat(statement.entries()).extracting(Statement.Entry::creditCents).containsExactly(80_000L, 9_900L, 0L);
        assertThat(statement.entries()).extracting(Statement.Entry::balanceCents).containsExactly(80_000L, 89_900L, 0L);
        assertThat(statement.entries().getFirst().reference()).isEqualTo(paid);
        assertThat(statement.closingBalanceCents()).isEqualTo(payable.balanceCents());
    }

    @Test
    void aDeniedPayoutReleasesItsHolds() {
        String trader = Firm.unique("payee");
        PayoutPostings.Payout payout = new PayoutPostings.Payout(Firm.unique("po"), trader, "USD", 50_000, 0);
        ledger.execute(payouts.approval(payout, Reference.decision("r124-0")));

        assertThat(ledger.execute(payouts.denial(payout, Reference.operator("risk-officer")))).isInstanceOf(Created.class);

        assertThat(ledger.balance(chart.payoutsPayable(trader, "USD")).orElseThrow()).isEqualTo(Balance.ZERO);
        assertThat(((Refused) ledger.execute(payouts.execution(payout, CAUSE))).refusal())
                .isEqualTo(Refusal.PENDING_ALREADY_VOIDED);
    }

    @Test
    void concurrentPostsAndRetriesFromManyThreadsAddUp() throws Exception {
        Accounts a = accounts();
        ledger.post(new Post(key(), a.fees(), a.payable(), 30_000, "USD", CAUSE, "owed"));
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // payments of 1,000 out of the payable account (30 fit) and fees into the bank
            posts.add(i % 2 == 0 ? new Post(key(), a.payable(), a.bank(), 1_000, "USD", CAUSE, "payment " + i)
                    : new Post(key(), a.bank(), a.fees(), 10, "USD", CAUSE, "fee " + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TransferResult>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int round = 0; round < 2; round++) { // each post and a retry of it, racing
                for (Post post : posts) {
                    results.add(threads.submit(() -> {
                        start.await();
                        return ledger.post(post);
                    }));
                }
            }
            start.countDown();
        }

        Map<Class<?>, Long> outcomes = new HashMap<>();
        for (Future<TransferResult> result : results) {
            outcomes.merge(result.get().getClass(), 1L, Long::sum);
        }
        assertThat(outcomes).containsEntry(Created.class, 80L).containsEntry(Replayed.class, 80L)
                .containsEntry(Refused.class, 40L);
        assertThat(ledger.balance(a.payable()).orElseThrow()).isEqualTo(new Balance(0, 30_000, 0, 30_000));
        assertThat(ledger.balance(a.bank()).orElseThrow()).isEqualTo(new Balance(0, 500, 0, 30_000));
        assertThat(ledger.discrepancies()).isEmpty();
    }

    private Refusal refusal(TransferCommand command) {
        TransferResult result = ledger.execute(List.of(command));
        assertThat(result).isInstanceOf(Refused.class);
        return ((Refused) result).refusal();
    }
}
