package dev.propos.platform.simulator;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * What the simulation will do and when: a queue of actions by simulated time, then by kind
 * (quotes before the clock before traders, so traders see the instant's prices), then by the order
 * they were scheduled in. That total order is what makes a run repeatable.
 */
final class Agenda {

    enum Kind {
        QUOTES, CLOCK, TRADERS
    }

    private record Entry(long epochMillis, Kind kind, long sequence, Runnable action) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(epochMillis, other.epochMillis);
            if (byTime != 0) {
                return byTime;
            }
            int byKind = kind.compareTo(other.kind);
            return byKind != 0 ? byKind : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>();
    private long sequence;

    void at(Instant time, Kind kind, Runnable action) {
        entries.add(new Entry(time.toEpochMilli(), kind, sequence++, action));
    }

    /** The time of the next action, or null when there is none. */
    Instant nextTime() {
        Entry next = entries.peek();
        return next == null ? null : Instant.ofEpochMilli(next.epochMillis);
    }

    /** Removes the next action and returns it. */
    Runnable takeNext() {
        return entries.remove().action;
    }

    void clear() {
        entries.clear();
    }
}
