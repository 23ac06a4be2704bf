package dev.propos.server.payments;

import org.springframework.stereotype.Component;

/**
 * Payouts an operator makes outside PropOS (a bank portal, a card or crypto payout desk). A
 * submitted payment waits for the operator, who pays it and records the external reference with
 * {@link #confirm}, or records with {@link #reject} why it could not be paid.
 */
@Component
public class ManualRail implements PaymentRail {

    private final RailLedger ledger;

    ManualRail(RailLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public RailName name() {
        return RailName.MANUAL;
    }

    /** Records the payment as awaiting the operator's external reference. */
    @Override
    public RailSubmission submit(PaymentInstruction instruction) {
        return ledger.submit(RailName.MANUAL, instruction, "submitted");
    }

    @Override
    public RailStatus status(String paymentId) {
        return ledger.status(paymentId);
    }

    /** The operator paid it: {@code externalReference} is the transfer's id where it was made. */
    @Override
    public RailStatus.Paid confirm(String paymentId, String externalReference) {
        return ledger.confirm(RailName.MANUAL, paymentId, externalReference);
    }

    @Override
    public RailStatus.Rejected reject(String paymentId, String reason) {
        return ledger.reject(RailName.MANUAL, paymentId, reason);
    }
}
