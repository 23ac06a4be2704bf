package dev.propos.server.payouts;

/** Sends an executed payout's money through a payment rail; idempotent by the payout's id. */
interface PayoutPayments {

    /**
     * Submits the payment; the rail's name.
     *
     * @throws PaymentRefused when the rail refuses the instruction (no bank details, say)
     */
    String submit(Payout payout) throws PaymentRefused;

    /** A refusal that trying again will not cure by itself. */
    final class PaymentRefused extends Exception {
        PaymentRefused(String message) {
            super(message);
        }
    }
}
