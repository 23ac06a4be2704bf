package dev.propos.server.payments;

import java.time.Instant;

/** Where a payment stands on its rail. Paid and Rejected are final until a rejected one is submitted again. */
public sealed interface RailStatus {

    /** The rail never saw this payment id. */
    record NotSubmitted() implements RailStatus {
    }

    /** Accepted by the pain.001 rail, waiting for the next batch file. */
    record Queued(RailName rail, Instant submittedAt) implements RailStatus {
    }

    /**
     * Sent, waiting for the answer: in the batch file {@code batchFile} for the bank (pain.001), or
     * waiting for the operator's external reference ({@code batchFile} null, manual rail).
     */
    record Submitted(RailName rail, String batchFile, Instant submittedAt) implements RailStatus {
    }

    /** The money went out: the bank's or the operator's reference. */
    record Paid(RailName rail, String reference, Instant paidAt) implements RailStatus {
    }

    /** Not paid; the payment may be submitted again (a retry, possibly through another rail). */
    record Rejected(RailName rail, String reason, Instant rejectedAt) implements RailStatus {
    }
}
