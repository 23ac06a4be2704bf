package dev.propos.server.payouts;

import dev.propos.engine.money.Money;
import dev.propos.platform.PlatformCommand;
import dev.propos.server.audit.Audit;
import dev.propos.server.reactions.Notifications;
import dev.propos.server.reactions.PlatformRequests;
import dev.propos.server.runtime.FirmParticipant;
import dev.propos.server.threads.RoundWorker;
import dev.propos.server.traders.BankDetails;
import dev.propos.server.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payout state machine ({@link PayoutState}). Automatic steps run on the workflow's thread
 * (woken by the engine's answers, by staff actions and by the janitor); each is a compare-and-set
 * on the payout's state, so no step runs twice, and each side effect (ledger, platform, rail)
 * is idempotent by the payout's id, so that a step repeated after a crash posts and pays nothing
 * twice. Every step is recorded with its actor, and the trader is told.
 */
@Component
@Order(30)
class PayoutWorkflow implements FirmParticipant {

    private static final Logger log = LoggerFactory.getLogger(PayoutWorkflow.class);
    private static final String SYSTEM = "payouts";

    private final PayoutStore store;
    private final PayoutPolicy policy;
    private final PayoutLedger ledger;
    private final PayoutPayments payments;
    private final PayoutRequests requests;
    private final PlatformRequests platform;
    private final Notifications notifications;
    private final Audit audit;
    private final PayoutSettings settings;
    private final BankDetails bankDetails;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final RoundWorker worker;

    PayoutWorkflow(PayoutStore store, PayoutPolicy policy, PayoutLedger ledger, PayoutPayments payments,
                   PayoutRequests requests, PlatformRequests platform, Notifications notifications, Audit audit,
                   PayoutSettings settings, BankDetails bankDetails, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.ledger = ledger;
        this.payments = payments;
        this.requests = requests;
        this.platform = platform;
        this.notifications = notifications;
        this.audit = audit;
        this.settings = settings;
        this.bankDetails = bankDetails;
        this.transaction = transaction;
        this.clock = clock;
        this.worker = new RoundWorker("payouts", settings.janitorInterval(), this::advance);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    void wakeUp() {
        worker.wakeUp();
    }

    /** One round: every payout that can move by itself moves as far as it can. */
    void advance() {
        store.inState(PayoutState.CHECKED, 500).forEach(this::check);
        store.inState(PayoutState.APPROVED, 500).forEach(this::execute);
        store.inState(PayoutState.EXECUTED, 500).forEach(this::submit);
        store.inState(PayoutState.FAILED, 500).forEach(this::retryOrCancel);
        janitor();
    }

    private void check(Payout payout) {
        PayoutPolicy.Verdict verdict = policy.judge(payout);
        ledger.hold(payout);
        if (verdict.approve()) {
            move(payout, PayoutState.CHECKED, PayoutState.APPROVED, SYSTEM, "approved by policy");
        } else {
            move(payout, PayoutState.CHECKED, PayoutState.IN_REVIEW, SYSTEM, String.join("; ", verdict.reasons()));
        }
    }

    /** The platform's balance goes down by the amount, and the ledger owes the trader what is due. */
    private void execute(Payout payout) {
        platform.request(new PlatformCommand.AdjustBalance("payout-" + payout.id(), payout.account(),
                Money.toDecimal(payout.amountCents()).negate(), PlatformCommand.AdjustBalance.PAYOUT));
        ledger.execute(payout);
        move(payout, PayoutState.APPROVED, PayoutState.EXECUTED, SYSTEM, null);
    }

    private void submit(Payout payout) {
        try {
            String rail = payments.submit(payout);
            store.attempted(payout.id(), rail, null, clock.instant());
            move(payout, PayoutState.EXECUTED, PayoutState.SUBMITTED, SYSTEM, "sent through " + rail);
        } catch (PayoutPayments.PaymentRefused e) {
            store.attempted(payout.id(), null, e.getMessage(), clock.instant());
            move(payout, PayoutState.EXECUTED, PayoutState.SUBMITTED, SYSTEM, "refused by the rail: " + e.getMessage());
            move(store.byId(payout.id()).orElseThrow(), PayoutState.SUBMITTED, PayoutState.FAILED, SYSTEM, e.getMessage());
        }
    }

    private void retryOrCancel(Payout payout) {
        if (payout.awaitingBankDetailsSince() != null) {
            retryWithNewBankDetails(payout);
            return;
        }
        if (payout.attempts() < settings.maxAttempts()) {
            if (payout.updatedAt().isBefore(clock.instant().minus(settings.stuckAfter()))) {
                move(payout, PayoutState.FAILED, PayoutState.EXECUTED, SYSTEM, "tried again");
            }
            return;
        }
        cancel(payout, PayoutState.FAILED, SYSTEM, "the payment failed " + payout.attempts() + " times");
    }

    /**
     * The bank refused the beneficiary's account: the same details would fail again. Sent again
     * once the trader has given new ones; cancelled without them after {@code bankDetailsWithin}.
     */
    private void retryWithNewBankDetails(Payout payout) {
        Instant since = payout.awaitingBankDetailsSince();
        boolean newDetails = bankDetails.updatedAt(payout.trader()).filter(at -> at.isAfter(since)).isPresent();
        if (newDetails && payout.attempts() < settings.maxAttempts()) {
            store.awaitBankDetails(payout.id(), null);
            move(payout, PayoutState.FAILED, PayoutState.EXECUTED, SYSTEM, "tried again with the trader's new bank details");
        } else if (newDetails) {
            cancel(payout, PayoutState.FAILED, SYSTEM, "the payment failed " + payout.attempts() + " times");
        } else if (since.isBefore(clock.instant().minus(settings.bankDetailsWithin()))) {
            cancel(payout, PayoutState.FAILED, SYSTEM, "no new bank details within " + settings.bankDetailsWithin().toDays()
                    + " days");
        }
    }

    /**
     * Repairs what should have moved and did not (a crash between a side effect and its record:
     * the steps above run again, idempotently, on the next round anyway), and escalates a payment
     * submitted long ago and never confirmed.
     */
    private void janitor() {
        Instant now = clock.instant();
        for (Payout stuck : store.stuckSince(PayoutState.SUBMITTED, now.minus(settings.confirmWithin()))) {
            if (stuck.escalatedAt() == null) {
                store.escalated(stuck.id(), now);
                audit.record(SYSTEM, "payout_escalated", stuck.id(), Audit.detail("state", stuck.state().wireName(),
                        "since", stuck.updatedAt().toString()));
                log.warn("Payout {} submitted at {} and not confirmed: escalated to FINANCE", stuck.id(), stuck.updatedAt());
            }
        }
    }

    // ---- staff ------------------------------------------------------------------------------------

    void approve(String id, String approver, String note) {
        Payout payout = inState(id, PayoutState.IN_REVIEW);
        transaction.executeWithoutResult(status -> {
            if (!store.approve(id, approver, clock.instant())) {
                throw ApiException.conflict(approver + " has approved payout " + id + " already: another person must");
            }
            audit.record(approver, "payout_approved", id, Audit.detail("note", note));
            List<String> approvers = store.approvers(id);
            if (approvers.size() >= policy.approversNeeded(payout)) {
                move(payout, PayoutState.IN_REVIEW, PayoutState.APPROVED, approver,
                        "approved by " + String.join(" and ", approvers));
            }
        });
        wakeUp();
    }

    void reject(String id, String actor, String reason) {
        Payout payout = inState(id, PayoutState.IN_REVIEW);
        audit.record(actor, "payout_rejected", id, Audit.detail("reason", reason));
        cancel(payout, PayoutState.IN_REVIEW, actor, reason);
    }

    void paid(String id, String actor, String reference) {
        Payout payout = inState(id, PayoutState.SUBMITTED);
        transaction.executeWithoutResult(status -> {
            payments.confirm(payout, reference);
            ledger.paid(payout, reference);
            move(payout, PayoutState.SUBMITTED, PayoutState.PAID, actor, "reference " + reference);
            audit.record(actor, "payout_paid", id, Audit.detail("reference", reference));
        });
    }

    /**
     * The payment failed, for {@code reason}; {@code newBankDetails}: because of the beneficiary's
     * account, so it waits for the trader's new bank details instead of going to the same ones again.
     */
    void failed(String id, String actor, String reason, boolean newBankDetails) {
        Payout payout = inState(id, PayoutState.SUBMITTED);
        payments.reject(payout, reason);
        store.lastError(id, reason, clock.instant());
        if (newBankDetails) {
            store.awaitBankDetails(id, clock.instant());
        }
        move(payout, PayoutState.SUBMITTED, PayoutState.FAILED, actor, reason, newBankDetails);
        audit.record(actor, "payout_failed", id, Audit.detail("reason", reason));
        wakeUp();
    }

    // ---- steps ------------------------------------------------------------------------------------

    /**
     * A payout that will not be paid: the engine gets the amount back (payout_cancelled), the
     * ledger releases what it held, and a platform balance already lowered goes back up.
     */
    private void cancel(Payout payout, PayoutState from, String actor, String reason) {
        if (from == PayoutState.FAILED) {
            platform.request(new PlatformCommand.AdjustBalance("payout-" + payout.id() + "-reversal", payout.account(),
                    Money.toDecimal(payout.amountCents()), PlatformCommand.AdjustBalance.PAYOUT_REVERSAL));
        }
        ledger.release(payout, from == PayoutState.FAILED);
        requests.cancel(payout.id(), payout.account());
        move(payout, from, PayoutState.CANCELLED, actor, reason);
    }

    private Payout inState(String id, PayoutState expected) {
        Payout payout = store.byId(id).orElseThrow(() -> ApiException.notFound("no payout " + id));
        if (payout.state() != expected) {
            throw ApiException.conflict("payout " + id + " is " + payout.state().wireName() + ", not "
                    + expected.wireName());
        }
        return payout;
    }

    private void move(Payout payout, PayoutState from, PayoutState to, String actor, String note) {
        move(payout, from, to, actor, note, false);
    }

    /** {@code awaitingBankDetails}: a failure that waits for the trader's new bank details (the trader is told so). */
    private void move(Payout payout, PayoutState from, PayoutState to, String actor, String note,
                      boolean awaitingBankDetails) {
        if (store.move(payout.id(), from, to, actor, note, clock.instant()) && payout.trader() != null) {
            notifications.notifyTrader(payout.trader(), "payout", message(payout, to, note, awaitingBankDetails),
                    "payout-" + payout.id() + "-" + to.wireName() + "-" + store.steps(payout.id()).size());
        }
    }

    private static String message(Payout payout, PayoutState state, String note, boolean awaitingBankDetails) {
        String amount = Money.format(payout.amountCents()) + " " + payout.currency();
        return switch (state) {
            case IN_REVIEW -> "Your payout of " + amount + " is being reviewed.";
            case APPROVED -> "Your payout of " + amount + " is approved.";
            case EXECUTED -> "Your payout of " + amount + " is on its way: your share is "
                    + Money.format(payout.traderShareCents() + payout.feeRefundCents()) + ".";
            case SUBMITTED -> "Your payout of " + amount + " was sent to your bank.";
            case PAID -> "Your payout of " + amount + " is paid.";
            case FAILED -> awaitingBankDetails
                    ? "Your payout of " + amount + " could not be paid: " + note + ". Please update your bank details;"
                            + " it is sent again once you have."
                    : "Your payout of " + amount + " could not be paid yet: " + note + ". It will be tried again.";
            case CANCELLED -> "Your payout of " + amount + " was cancelled: " + note + ". The amount is back in your account.";
            case CHECKED, REFUSED -> "";
        };
    }
}
