package dev.propos.server.payments;

import dev.propos.server.payments.RailPaymentStore.RailPayment;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bookkeeping every rail shares: a payment id is taken once, answered once (paid or rejected),
 * and taken again only after a rejection. Rails add how the money actually moves.
 */
@Component
class RailLedger {

    private final RailPaymentStore store;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RailLedger(RailPaymentStore store, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Takes {@code instruction} for {@code rail} with the status {@code firstStatus}; the same
     * instruction again is answered as before, without a second payment.
     */
    RailSubmission submit(RailName rail, PaymentInstruction instruction, String firstStatus) {
        List<String> problems = InstructionCheck.problems(instruction);
        if (!problems.isEmpty()) {
            return new RailSubmission.Refused(instruction.paymentId(), problems);
        }
        return transaction.execute(status -> {
            Instant now = clock.instant();
            if (store.insert(rail, firstStatus, instruction, now)) {
                return new RailSubmission.Accepted(instruction.paymentId(), rail, now, false);
            }
            RailPayment known = store.lock(instruction.paymentId()).orElseThrow();
            if (known.status().equals("rejected")) {
                store.retry(rail, firstStatus, instruction, now);
                return new RailSubmission.Accepted(instruction.paymentId(), rail, now, false);
            }
            if (known.rail() != rail) {
                return refused(instruction, "payment " + instruction.paymentId() + " is already " + known.status()
                        + " on the " + known.rail().code() + " rail");
            }
            if (!known.instruction().equals(instruction)) {
                // Same id, other amount or account: paying it would pay a payout twice or wrongly.
                return refused(instruction, "payment " + instruction.paymentId() + " was already submitted ("
                        + known.status() + ") with other details: " + difference(known.instruction(), instruction));
            }
            return new RailSubmission.Accepted(instruction.paymentId(), rail, known.submittedAt(), true);
        });
    }

    RailStatus status(String paymentId) {
        return store.find(paymentId).map(RailLedger::statusOf).orElse(new RailStatus.NotSubmitted());
    }

    /** Records the payment as paid, from {@code submitted} only; again with the same reference is a no-op. */
    RailStatus.Paid confirm(RailName rail, String paymentId, String referenceGiven) {
        requireText(referenceGiven, "a reference");
        String reference = referenceGiven.trim();
        return transaction.execute(status -> {
            RailPayment payment = known(rail, paymentId);
            switch (payment.status()) {
                case "paid" -> {
                    if (!payment.reference().equals(reference)) {
                        throw new RailException("payment " + paymentId + " is already paid with reference "
                                + payment.reference() + ", not " + reference);
                    }
                    return (RailStatus.Paid) statusOf(payment);
                }
                case "queued" -> throw new RailException("payment " + paymentId
                        + " has not been sent yet: it waits for the next pain.001 file");
                case "rejected" -> throw new RailException("payment " + paymentId + " was rejected (" + payment.reason()
                        + "); submit it again to retry");
                default -> {
                    store.paid(paymentId, reference, clock.instant());
                    return (RailStatus.Paid) status(paymentId);
                }
            }
        });
    }

    /** Records the payment as not paid, so that it can be retried; a queued one leaves the next file. */
    RailStatus.Rejected reject(RailName rail, String paymentId, String reason) {
        requireText(reason, "a reason");
        return transaction.execute(status -> {
            RailPayment payment = known(rail, paymentId);
            switch (payment.status()) {
                case "paid" -> throw new RailException("payment " + paymentId + " is already paid (reference "
                        + payment.reference() + "); money that came back is a return, not a rejection");
                case "rejected" -> {
                    return (RailStatus.Rejected) statusOf(payment);
                }
                default -> {
                    store.rejected(paymentId, reason.trim(), clock.instant());
                    return (RailStatus.Rejected) status(paymentId);
                }
            }
        });
    }

    private RailPayment known(RailName rail, String paymentId) {
        RailPayment payment = store.lock(paymentId)
                .orElseThrow(() -> new RailException("payment " + paymentId + " was never submitted"));
        if (payment.rail() != rail) {
            throw new RailException("payment " + paymentId + " is on the " + payment.rail().code() + " rail, not "
                    + rail.code());
        }
        return payment;
    }

    static RailStatus statusOf(RailPayment payment) {
        return switch (payment.status()) {
            case "queued" -> new RailStatus.Queued(payment.rail(), payment.submittedAt());
            case "submitted" -> new RailStatus.Submitted(payment.rail(), payment.batchFile(), payment.submittedAt());
            case "paid" -> new RailStatus.Paid(payment.rail(), payment.reference(), payment.settledAt());
            case "rejected" -> new RailStatus.Rejected(payment.rail(), payment.reason(), payment.settledAt());
            default -> throw new IllegalStateException("unknown payment status " + payment.status());
        };
    }

    private static RailSubmission.Refused refused(PaymentInstruction instruction, String reason) {
        return new RailSubmission.Refused(instruction.paymentId(), List.of(reason));
    }

    private static String difference(PaymentInstruction before, PaymentInstruction now) {
        StringBuilder text = new StringBuilder();
        field(text, "amount cents", before.amountCents(), now.amountCents());
        field(text, "currency", before.currency(), now.currency());
        field(text, "beneficiary", before.beneficiary(), now.beneficiary());
        field(text, "remittance info", before.remittanceInfo(), now.remittanceInfo());
        field(text, "execution date", before.requestedExecutionDate(), now.requestedExecutionDate());
        return text.toString();
    }

    private static void field(StringBuilder text, String name, Object before, Object now) {
        if (!Objects.equals(before, now)) {
            text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(before).append(" -> ").append(now);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RailException("needs " + what);
        }
    }
}
