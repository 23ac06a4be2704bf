package dev.propos.server.payments;

/**
 * A way of moving money to a trader. Every call is idempotent by the instruction's payment id: a
 * submit repeated after a timeout or a crash returns the first answer and never pays twice; a
 * payment the rail rejected may be submitted again (a retry).
 *
 * <p>The outcome is learnt through {@link #status}; a rail without a machine-readable answer from
 * its bank is told it through {@link #confirm} and {@link #reject}, by an operator or a later
 * integration (a pain.002 status report, a bank API).
 */
public interface PaymentRail {

    RailName name();

    /** Takes the payment, or refuses it with the reasons before anything is recorded or written. */
    RailSubmission submit(PaymentInstruction instruction);

    RailStatus status(String paymentId);

    /**
     * Records that the payment was made, with the bank's or the operator's reference. Confirming a
     * paid payment again with the same reference changes nothing.
     *
     * @throws RailException when the payment is unknown, not sent yet, rejected, or paid with
     *                       another reference
     */
    RailStatus.Paid confirm(String paymentId, String reference);

    /**
     * Records that the payment was not made, so that it can be retried. Rejecting a rejected payment
     * again changes nothing.
     *
     * @throws RailException when the payment is unknown or already paid
     */
    RailStatus.Rejected reject(String paymentId, String reason);
}
