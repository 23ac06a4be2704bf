package dev.propos.server.payments;

import java.time.Instant;
import java.util.List;

/** What a rail answered to {@link PaymentRail#submit}. */
public sealed interface RailSubmission {

    String paymentId();

    /**
     * The rail has the payment and will pay it once.
     *
     * @param repeated true when the same instruction had been submitted before: nothing new was
     *                 done, so a retried submit never pays twice
     */
    record Accepted(String paymentId, RailName rail, Instant submittedAt, boolean repeated) implements RailSubmission {
    }

    /**
     * Not taken, and nothing was recorded or written: the instruction is invalid, the rail is not
     * configured, or the payment id is already in flight with other details.
     */
    record Refused(String paymentId, List<String> reasons) implements RailSubmission {

        public Refused {
            reasons = List.copyOf(reasons);
        }

        public String reason() {
            return String.join("; ", reasons);
        }
    }
}
