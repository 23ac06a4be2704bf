package dev.propos.server.payouts;

/** Sends an executed payout's money through a payment rail; idempotent by the payout's id. */
interface PayoutPayments {

    /**
     * Submits the payment; the rail's name.
     *
     * @throws PaymentRefused when the rail refuses the instruction (no bank details, say)
     */
    String submit(Payout payout) throws PaymentRefused;

    /** Records on the rail that the payment was made (the bank's, or the manual payment's, reference). */
    void confirm(Payout payout, String reference);

    /** Records on the rail that the payment failed. */
    void reject(Payout payout, String reason);

    /** A refusal that trying again will not cure by itself. */
    final class PaymentRefused extends Exception {
        PaymentRefused(String message) {
            super(message);
        }
    }
}
