package dev.propos.engine.account;

import dev.propos.engine.rule.Rule.DailyAmountOf;
import dev.propos.engine.rule.Rule.DailyBase;
import dev.propos.engine.rule.Rule.DailyLoss;
import java.io.Serializable;

/** The running state of one {@code daily_loss} rule entry: today's base and floor. */
final class DailyLossLimit implements Serializable {

    final DailyLoss rule;
    private final long initialCents;
    private long baseCents;
    private long floorCents;

    DailyLossLimit(DailyLoss rule, long initialCents) {
        this.rule = rule;
        this.initialCents = initialCents;
    }

    /** Re-derives the floor at a day start from the day's bases (the peak is the day-start equity). */
    void startDay(long dayStartBalanceCents, long dayStartEquityCents) {
        baseCents = switch (rule.base()) {
            case BALANCE -> dayStartBalanceCents;
            case EQUITY, PEAK_EQUITY -> dayStartEquityCents;
            case MAX -> Math.max(dayStartBalanceCents, dayStartEquityCents);
        };
        deriveFloor();
    }

    /** A {@code peak_equity} floor follows every new high of the day. */
    void noteEquity(long equityCents) {
        if (rule.base() == DailyBase.PEAK_EQUITY && equityCents > baseCents) {
            baseCents = equityCents;
            deriveFloor();
        }
    }

    private void deriveFloor() {
        long loss = rule.limit().centsOf(rule.of() == DailyAmountOf.INITIAL ? initialCents : baseCents);
        floorCents = baseCents - loss;
    }

    /** Capital in or out moves the base and the floor with it: the room stays the same. */
    void shiftCapital(long amountCents) {
        baseCents += amountCents;
        floorCents += amountCents;
    }

    boolean breachedBy(long equityCents) {
        return rule.inclusive() ? equityCents <= floorCents : equityCents < floorCents;
    }

    long baseCents() {
        return baseCents;
    }

    long floorCents() {
        return floorCents;
    }
}
