package dev.propos.server.payments;

/**
 * Who acts on a bank's answer about a payment: the payouts, whose payment ids the rails carry. It
 * records the answer on the payment's rail itself, in the same step as its own bookkeeping.
 */
public interface PaymentAnswers {

    /** The bank paid payment {@code paymentId}; {@code reference} is its reference for it. */
    void paid(String paymentId, String reference, String actor);

    /**
     * The bank did not pay it, for {@code reason}; {@code newBankDetails}: because of the
     * beneficiary's account, so that sending it again to the same details would fail again.
     */
    void rejected(String paymentId, String reason, boolean newBankDetails, String actor);
}
