package dev.propos.engine.schedule;

import dev.propos.engine.account.Account;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Scheduled checks (weekend cut-off, stop-loss deadline, time limit, inactivity) in the order
 * they apply: by instant, then account, rule order and position opening order.
 */
public final class Agenda implements Serializable {

    /**
     * One requested check; a check that became stale is recognised by the account and skipped. A
     * class, not a record: it lies on a reference cycle (account, engine, agenda, check, account),
     * and deserialization cannot complete a record that a cycle leads back to.
     */
    public static final class Check implements Serializable {
        private final Instant at;
        private final Account account;
        private final int ruleIndex;
        private final long positionSequence;
        private final String positionId;

        public Check(Instant at, Account account, int ruleIndex, long positionSequence, String positionId) {
            this.at = at;
            this.account = account;
            this.ruleIndex = ruleIndex;
            this.positionSequence = positionSequence;
            this.positionId = positionId;
        }

        public Instant at() {
            return at;
        }

        public Account account() {
            return account;
        }

        public int ruleIndex() {
            return ruleIndex;
        }

        public long positionSequence() {
            return positionSequence;
        }

        public String positionId() {
            return positionId;
        }
    }

    /** The agenda's order; an enum so that the queue holding it stays serializable (a lambda is not). */
    private enum Order implements Comparator<Check> {
        INSTANCE;

        @Override
        public int compare(Check a, Check b) {
            int byInstant = a.at.compareTo(b.at);
            if (byInstant != 0) {
                return byInstant;
            }
            int byAccount = a.account.id().compareTo(b.account.id());
            if (byAccount != 0) {
                return byAccount;
            }
            int byRule = Integer.compare(a.ruleIndex, b.ruleIndex);
            return byRule != 0 ? byRule : Long.compare(a.positionSequence, b.positionSequence);
        }
    }

    private final PriorityQueue<Check> checks = new PriorityQueue<>(Order.INSTANCE);

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
