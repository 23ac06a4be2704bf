package dev.propos.engine.config;

/** Cross-account detection settings; a null detector is off. */
public record RiskConfig(CopyTrading copyTrading, Hedging hedging) {

    public static final RiskConfig NONE = new RiskConfig(null, null);

    public record CopyTrading(int windowSeconds, int minMatches) {
    }

    public record Hedging(int windowSeconds, boolean sameTraderOnly) {
    }
}
