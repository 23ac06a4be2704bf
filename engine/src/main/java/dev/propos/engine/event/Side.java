package dev.propos.engine.event;

/** The direction of a position. */
public enum Side {
    BUY, SELL;

    public String wireName() {
        return this == BUY ? "buy" : "sell";
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
