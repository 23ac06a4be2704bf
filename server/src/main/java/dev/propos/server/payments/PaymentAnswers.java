package dev.propos.server.payments;

/**
 * Who acts on a bank's answer about a payment: the payouts, whose payment ids the rails carry. It
 * records the answer on the payment's rail itself, in the same step as its own bookkeeping.
 */
public interface PaymentAnswers {

    /** The bank paid payment {@code paymentId}; {@code reference} is its reference for it. */
    void paid(String paymentId, String reference, String actor);

    /** The bank did not pay it, for {@code reason}. */
    void rejected(String paymentId, String reason, String actor);
}
