package dev.propos.engine.schedule;

import dev.propos.engine.account.Account;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Scheduled checks (weekend cut-off, stop-loss deadline, time limit, inactivity) in the order
 * they apply: by instant, then account, rule order and position opening order.
 */
public final class Agenda {

    /** One requested check; a check that became stale is recognised by the account and skipped. */
    public record Check(Instant at, Account account, int ruleIndex, long positionSequence, String positionId) {
    }

    private static final Comparator<Check> ORDER = Comparator.comparing(Check::at)
            .thenComparing(check -> check.account().id())
            .thenComparingInt(Check::ruleIndex)
            .thenComparingLong(Check::positionSequence);

    private final PriorityQueue<Check> checks = new PriorityQueue<>(ORDER);

    public void add(Check check) {
        checks.add(check);
    }

    /** The instant of the earliest check, or null. */
    public Instant nextInstant() {
        Check next = checks.peek();
        return next == null ? null : next.at();
    }

    /** Removes and returns the earliest check if it is due at {@code instant}, else null. */
    public Check pollAt(Instant instant) {
        Check next = checks.peek();
        return next != null && next.at().equals(instant) ? checks.poll() : null;
    }
}
