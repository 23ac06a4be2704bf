package dev.propos.engine.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Money is held as a {@code long} count of cents. Every amount is rounded to cents once, where it
 * is produced, half away from zero; divisions are carried to 34 significant digits before that.
 */
public final class Money {

    /** Precision of every division that precedes a rounding to cents (at least 20 digits, per spec). */
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /** Rounds an exact amount to cents, half away from zero. */
    public static long toCents(BigDecimal amount) {
        // scaleByPowerOfTen keeps the unscaled value: no BigInteger on the way to the long.
        return amount.setScale(2, RoundingMode.HALF_UP).scaleByPowerOfTen(2).longValueExact();
    }

    /** The exact decimal value of a number of cents. */
    public static BigDecimal toDecimal(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** {@code percent}% of {@code cents}, rounded to cents. */
    public static long percentOf(BigDecimal percent, long cents) {
        return toCents(percent.multiply(BigDecimal.valueOf(cents)).divide(HUNDRED).movePointLeft(2));
    }

    /** Formats cents as a plain decimal with two places: {@code -1234} is {@code -12.34}. */
    public static String format(long cents) {
        return toDecimal(cents).toPlainString();
    }
}
