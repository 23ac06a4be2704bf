package dev.propos.engine.rule;

/** What breaking a rule does (spec/programs.md, "Consequences"). */
public enum Consequence {
    /** The account is finished: a {@code breach}. */
    FAIL,
    /** Positions closed, no trading until the next day boundary: a {@code breach}, then {@code resumed}. */
    PAUSE,
    /** A {@code violation} is recorded, nothing else. */
    FLAG,
    /** The offending position is closed at the latest quote. */
    CLOSE_POSITION,
    /** The positive part of the position's realized result stays out of target and payouts. */
    EXCLUDE_PROFIT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this consequence gives a {@code breach} rather than a {@code violation}. */
    public boolean isBreach() {
        return this == FAIL || this == PAUSE;
    }
}
