package dev.propos.engine.account;

import dev.propos.engine.rule.Rule.LossMeasure;
import dev.propos.engine.rule.Rule.MaxLoss;
import dev.propos.engine.rule.Rule.MaxLossAmountOf;
import dev.propos.engine.rule.Rule.MaxLossMode;
import java.io.Serializable;

/** The running state of one {@code max_loss} rule entry: its high-water mark and floor. */
final class MaxLossLimit implements Serializable {

    final MaxLoss rule;
    private long highWaterCents;
    private long lossCents;
    private long floorCents;
    /** Set by {@code on_payout: floor_at_initial}: the floor no longer trails. */
    private boolean floorFixed;

    /** What a payout changed, so that a cancellation can undo it. */
    record Snapshot(long highWaterCents, long floorCents, boolean floorFixed) implements Serializable {
    }

    MaxLossLimit(MaxLoss rule, long initialCents) {
        this.rule = rule;
        highWaterCents = initialCents;
        lossCents = rule.limit().centsOf(initialCents);
        floorCents = initialCents - lossCents;
        if (rule.mode() != MaxLossMode.STATIC && rule.lockAtCents() != null) {
            floorCents = Math.min(floorCents, initialCents + rule.lockAtCents());
        }
    }

    /** A new high-water candidate (balance or equity, per mode): the floor follows, never down. */
    void raise(long valueCents, long referenceCents) {
        if (floorFixed || valueCents <= highWaterCents) {
            return;
        }
        highWaterCents = valueCents;
        if (rule.of() == MaxLossAmountOf.HIGH_WATER) {
            lossCents = rule.limit().centsOf(highWaterCents);
        }
        floorCents = Math.max(floorCents, trailingFloor(referenceCents));
    }

    private long trailingFloor(long referenceCents) {
        long floor = highWaterCents - lossCents;
        return rule.lockAtCents() == null ? floor : Math.min(floor, referenceCents + rule.lockAtCents());
    }

    void onDayStart(long balanceCents, long referenceCents) {
        if (rule.mode() == MaxLossMode.TRAILING_EOD) {
            raise(balanceCents, referenceCents);
        }
    }

    void onClose(long balanceCents, long referenceCents) {
        if (rule.mode() == MaxLossMode.TRAILING_BALANCE) {
            raise(balanceCents, referenceCents);
        }
    }

    void onEquity(long equityCents, long referenceCents) {
        if (rule.mode() == MaxLossMode.TRAILING_EQUITY) {
            raise(equityCents, referenceCents);
        }
    }

    /** A deposit or withdrawal moves the mark and the floor by its amount. */
    void shiftCapital(long amountCents) {
        highWaterCents += amountCents;
        floorCents += amountCents;
    }

    Snapshot snapshot() {
        return new Snapshot(highWaterCents, floorCents, floorFixed);
    }

    /** Applies {@code on_payout} after a payout of {@code amountCents}. */
    void onPayout(long amountCents, long referenceCents) {
        switch (rule.onPayout()) {
            case KEEP -> {
            }
            case LOWER_HIGH_WATER -> {
                highWaterCents -= amountCents;
                floorCents = trailingFloor(referenceCents);
            }
            case FLOOR_AT_INITIAL -> {
                floorCents = referenceCents;
                floorFixed = true;
            }
        }
    }

    /** Whether, after a payout of {@code amountCents} and {@code on_payout}, the measure would reach the floor. */
    boolean payoutWouldReach(long amountCents, long balanceCents, long equityCents, long referenceCents) {
        long floorAfter = switch (rule.onPayout()) {
            case KEEP -> floorCents;
            case LOWER_HIGH_WATER -> {
                long floor = highWaterCents - amountCents - lossCents;
                yield rule.lockAtCents() == null ? floor : Math.min(floor, referenceCents + rule.lockAtCents());
            }
            case FLOOR_AT_INITIAL -> referenceCents;
        };
        long measuredAfter = measured(balanceCents - amountCents, equityCents - amountCents);
        return rule.inclusive() ? measuredAfter <= floorAfter : measuredAfter < floorAfter;
    }

    /** Undoes {@code on_payout}: each figure is the higher of its value before the payout and now. */
    void onPayoutCancelled(Snapshot before) {
        highWaterCents = Math.max(highWaterCents, before.highWaterCents());
        floorCents = Math.max(floorCents, before.floorCents());
        floorFixed = before.floorFixed();
    }

    long measured(long balanceCents, long equityCents) {
        return switch (rule.measure()) {
            case EQUITY -> equityCents;
            case BALANCE -> balanceCents;
            case LOWER -> Math.min(balanceCents, equityCents);
        };
    }

    boolean reached(long measuredCents) {
        return rule.inclusive() ? measuredCents <= floorCents : measuredCents < floorCents;
    }

    /** Whether equity moves the mark (and so the floor) right now. */
    boolean trailsEquity() {
        return rule.mode() == MaxLossMode.TRAILING_EQUITY && !floorFixed;
    }

    boolean measuresEquity() {
        return rule.measure() != LossMeasure.BALANCE;
    }

    /** The mark shown in decisions: a static rule's is the reference balance. */
    long highWaterCents(long referenceCents) {
        return rule.mode() == MaxLossMode.STATIC ? referenceCents : highWaterCents;
    }

    long floorCents() {
        return floorCents;
    }

    /** The mark as kept (a static rule's moves only with capital and {@code lower_high_water}). */
    long rawHighWaterCents() {
        return highWaterCents;
    }

    /** Whether {@code on_payout: floor_at_initial} has fixed the floor. */
    boolean floorFixed() {
        return floorFixed;
    }
}
