package dev.propos.engine.decision;

import java.math.BigDecimal;
import java.time.Instant;

/** A {@code value} or {@code limit} of a breach or violation: money, a quantity, an instant or a window. */
public sealed interface Measure {

    record Money(long cents) implements Measure {
    }

    /** Lots, seconds, days, a count: printed as an exact number. */
    record Quantity(BigDecimal amount) implements Measure {
        public static Quantity of(long value) {
            return new Quantity(BigDecimal.valueOf(value));
        }
    }

    record At(Instant instant) implements Measure {
    }

    /** A news window, both ends included. */
    record Window(Instant start, Instant end) implements Measure {
    }
}
