package dev.propos.engine.account;

import java.util.ArrayList;
import java.util.List;

/**
 * Day profits and opening days of one span of an account's life: the whole phase, or one payout
 * period. Only the last day is still running; the totals of the days before it are kept as they
 * close so that the common questions (best day, total, opened days) cost O(1).
 */
final class DayLedger {

    /** One trading day: its first instant, the profit realized in it, whether a position was opened. */
    private static final class Day {
        final long startMillis;
        long profitCents;
        boolean opened;

        Day(long startMillis) {
            this.startMillis = startMillis;
        }
    }

    private final List<Day> days = new ArrayList<>();
    private Day today;
    private long closedBestCents;
    private long closedNetCents;
    private long closedPositiveCents;
    private int closedOpenedDays;

    DayLedger(long dayStartMillis) {
        today = new Day(dayStartMillis);
        days.add(today);
    }

    void addProfit(long cents) {
        today.profitCents += cents;
    }

    void markOpened() {
        today.opened = true;
    }

    /** Closes the running day and starts the one beginning at {@code dayStartMillis}. */
    void startDay(long dayStartMillis) {
        close(today);
        today = new Day(dayStartMillis);
        days.add(today);
    }

    private void close(Day day) {
        closedBestCents = Math.max(closedBestCents, day.profitCents);
        closedNetCents += day.profitCents;
        closedPositiveCents += Math.max(0, day.profitCents);
        if (day.opened) {
            closedOpenedDays++;
        }
    }

    long todayStartMillis() {
        return today.startMillis;
    }

    long todayProfitCents() {
        return today.profitCents;
    }

    /** The highest day profit, 0 when no day is above zero. */
    long bestDayCents() {
        return Math.max(closedBestCents, today.profitCents);
    }

    long netTotalCents() {
        return closedNetCents + today.profitCents;
    }

    long positiveTotalCents() {
        return closedPositiveCents + Math.max(0, today.profitCents);
    }

    int openedDays() {
        return closedOpenedDays + (today.opened ? 1 : 0);
    }

    /** Days whose profit reached {@code thresholdCents}; the running day while it is at or above it. */
    int profitableDays(long thresholdCents) {
        int count = 0;
        for (Day day : days) {
            if (day.profitCents >= thresholdCents) {
                count++;
            }
        }
        return count;
    }

    /**
     * This ledger followed by {@code later}, which began inside this ledger's running day: a day
     * both hold is one day with their profits added (a cancelled payout's periods joined again).
     */
    DayLedger followedBy(DayLedger later) {
        DayLedger joined = new DayLedger(days.getFirst().startMillis);
        joined.days.clear();
        List<Day> all = new ArrayList<>(days);
        for (Day day : later.days) {
            Day last = all.getLast();
            if (last.startMillis == day.startMillis) {
                Day merged = new Day(day.startMillis);
                merged.profitCents = last.profitCents + day.profitCents;
                merged.opened = last.opened || day.opened;
                all.set(all.size() - 1, merged);
            } else {
                all.add(day);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            Day day = all.get(i);
            Day copy = new Day(day.startMillis);
            copy.profitCents = day.profitCents;
            copy.opened = day.opened;
            joined.days.add(copy);
            if (i < all.size() - 1) {
                joined.close(copy);
            }
        }
        joined.today = joined.days.getLast();
        return joined;
    }
}
