package dev.propos.engine.account;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Day profits and opening days of one span of an account's life: the whole phase, or one payout
 * period. Only the last day is still running. Closed days are folded into totals as they close,
 * so memory does not grow with the days: the totals answer every question the rules ask (best
 * day, net and positive totals, days opened, days at or above each profit threshold a
 * {@code min_trading_days} rule uses). The first day is kept apart so that a cancelled payout can
 * join its two periods again, the day it fell in being one day.
 */
final class DayLedger implements Serializable {

    /** One trading day: its first instant, the profit realized in it, whether a position was opened. */
    private static final class Day implements Serializable {
        final long startMillis;
        long profitCents;
        boolean opened;

        Day(long startMillis) {
            this.startMillis = startMillis;
        }

        Day joinedWith(Day other) {
            Day joined = new Day(startMillis);
            joined.profitCents = profitCents + other.profitCents;
            joined.opened = opened || other.opened;
            return joined;
        }
    }

    /** Totals over a set of days. */
    private static final class Totals implements Serializable {
        long bestCents;
        long netCents;
        long positiveCents;
        int openedDays;
        final int[] daysAtThreshold;

        Totals(int thresholds) {
            daysAtThreshold = new int[thresholds];
        }

        void add(Day day, long[] thresholds) {
            bestCents = Math.max(bestCents, day.profitCents);
            netCents += day.profitCents;
            positiveCents += Math.max(0, day.profitCents);
            openedDays += day.opened ? 1 : 0;
            for (int i = 0; i < thresholds.length; i++) {
                daysAtThreshold[i] += day.profitCents >= thresholds[i] ? 1 : 0;
            }
        }

        void add(Totals other) {
            bestCents = Math.max(bestCents, other.bestCents);
            netCents += other.netCents;
            positiveCents += other.positiveCents;
            openedDays += other.openedDays;
            for (int i = 0; i < daysAtThreshold.length; i++) {
                daysAtThreshold[i] += other.daysAtThreshold[i];
            }
        }
    }

    private final long[] thresholds;
    /** The span's first day; while it is also the running day, {@link #today} is the same object. */
    private Day first;
    /** The closed days between the first and the running day. */
    private Totals middle;
    private Day today;

    /** @param thresholdsCents the day-profit thresholds whose qualifying days are counted */
    DayLedger(long dayStartMillis, long[] thresholdsCents) {
        this.thresholds = thresholdsCents.clone();
        this.first = new Day(dayStartMillis);
        this.today = first;
        this.middle = new Totals(thresholds.length);
    }

    void addProfit(long cents) {
        today.profitCents += cents;
    }

    void markOpened() {
        today.opened = true;
    }

    /** Closes the running day and starts the one beginning at {@code dayStartMillis}. */
    void startDay(long dayStartMillis) {
        if (today != first) {
            middle.add(today, thresholds);
        }
        today = new Day(dayStartMillis);
    }

    long todayStartMillis() {
        return today.startMillis;
    }

    long todayProfitCents() {
        return today.profitCents;
    }

    /** The highest day profit, 0 when no day is above zero. */
    long bestDayCents() {
        return totals().bestCents;
    }

    long netTotalCents() {
        return totals().netCents;
    }

    long positiveTotalCents() {
        return totals().positiveCents;
    }

    int openedDays() {
        return totals().openedDays;
    }

    /** Days whose profit reached {@code thresholdCents} (one given at construction); the running day while it is at or above it. */
    int profitableDays(long thresholdCents) {
        int index = -1;
        for (int i = 0; i < thresholds.length; i++) {
            if (thresholds[i] == thresholdCents) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("no count kept for the threshold " + thresholdCents);
        }
        return totals().daysAtThreshold[index];
    }

    private Totals totals() {
        Totals all = new Totals(thresholds.length);
        all.add(middle);
        all.add(first, thresholds);
        if (today != first) {
            all.add(today, thresholds);
        }
        return all;
    }

    /**
     * This ledger followed by {@code later}, which began inside this ledger's running day: that
     * day is one day with both its parts (a cancelled payout's periods joined again).
     */
    DayLedger followedBy(DayLedger later) {
        Day split = today.joinedWith(later.first);
        DayLedger joined = new DayLedger(first.startMillis, thresholds);
        joined.first = first == today ? split : first;
        joined.middle.add(middle);
        boolean splitIsRunning = later.today == later.first;
        if (joined.first != split && !splitIsRunning) {
            joined.middle.add(split, thresholds);
        }
        joined.middle.add(later.middle);
        joined.today = splitIsRunning ? split : later.today;
        return joined;
    }

    @Override
    public String toString() {
        return "DayLedger[first=" + first.startMillis + ", today=" + today.startMillis + ", thresholds="
                + Arrays.toString(thresholds) + "]";
    }
}
