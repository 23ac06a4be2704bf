package dev.propos.engine.config;

import java.io.Serializable;

/** Cross-account detection settings; a null detector is off. */
public record RiskConfig(CopyTrading copyTrading, Hedging hedging) implements Serializable {

    public static final RiskConfig NONE = new RiskConfig(null, null);

    public record CopyTrading(int windowSeconds, int minMatches) implements Serializable {
    }

    public record Hedging(int windowSeconds, boolean sameTraderOnly) implements Serializable {
    }
}
