package dev.propos.engine.config;

import java.io.Serializable;
import java.math.BigDecimal;

/** A tradable symbol: how many units one lot is, and the currency its P&L is in. */
public record SymbolSpec(String name, BigDecimal contractSize, String profitCurrency) implements Serializable {

    private static final BigDecimal STANDARD_LOT = BigDecimal.valueOf(100_000);

    /** A six-letter A–Z name is a currency pair. */
    public static boolean isCurrencyPair(String name) {
        if (name.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = name.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** The implicit spec of an undeclared currency pair, or null when {@code name} is not one. */
    public static SymbolSpec implicitPair(String name) {
        return isCurrencyPair(name) ? new SymbolSpec(name, STANDARD_LOT, name.substring(3)) : null;
    }
}
