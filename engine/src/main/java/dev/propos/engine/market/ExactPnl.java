package dev.propos.engine.market;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A position's P&L in cents in {@code long} arithmetic: the same figure as the account's decimal
 * valuation ({@code move × lots × contract}, rounded to cents half away from zero by
 * {@code Money.toCents}), without a {@code BigDecimal}, when the profit currency is the account's.
 *
 * <p>With prices as exact keys (1e-9 units), the P&L in cents is
 * {@code factor × (price − open) / 10^exponent}: {@code factor} is the product of the unscaled
 * contract size and lots (negated for a sell), {@code exponent = scale(contract) + scale(lots) + 7}.
 * Whatever cannot be computed exactly so answers {@link #UNKNOWN}, and the caller values the
 * account in decimal instead.
 */
public final class ExactPnl {

    public static final long UNKNOWN = Long.MIN_VALUE;
    private static final int MAX_EXPONENT = 18;

    private ExactPnl() {
    }

    /** The factor of {@code lots} of a symbol with this contract size; {@link #UNKNOWN} beyond 62 bits. */
    public static long factor(BigDecimal contractSize, BigDecimal lots) {
        BigInteger product = contractSize.stripTrailingZeros().unscaledValue()
                .multiply(lots.stripTrailingZeros().unscaledValue());
        return product.bitLength() > 62 ? UNKNOWN : product.longValue();
    }

    /** The exponent for this contract size and lots; {@link Integer#MIN_VALUE} when out of reach. */
    public static int exponent(BigDecimal contractSize, BigDecimal lots) {
        int exponent = contractSize.stripTrailingZeros().scale() + lots.stripTrailingZeros().scale()
                + PriceKeys.KEY_SCALE - 2;
        return Math.abs(exponent) > MAX_EXPONENT ? Integer.MIN_VALUE : exponent;
    }

    /**
     * {@code factor × move / 10^exponent} rounded half away from zero (a negative exponent
     * multiplies); {@link #UNKNOWN} on overflow. Exact keys are below 2^62, so a move fits a long.
     */
    public static long cents(long factor, long move, int exponent) {
        long high = Math.multiplyHigh(factor, move);
        long product = factor * move;
        if (high != (product >> 63)) {
            return UNKNOWN;
        }
        if (exponent <= 0) {
            long scale = PriceKeys.POWERS_OF_TEN[-exponent];
            long scaledHigh = Math.multiplyHigh(product, scale);
            long scaled = product * scale;
            return scaledHigh != (scaled >> 63) ? UNKNOWN : scaled;
        }
        long divisor = PriceKeys.POWERS_OF_TEN[exponent];
        long quotient = product / divisor;
        long remainder = Math.abs(product - quotient * divisor);
        if (remainder >= divisor - remainder) {
            quotient += Long.signum(product);
        }
        return quotient;
    }
}
