package dev.propos.engine.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices as {@code long} keys: counts of 1e-9 units, rounded in a chosen direction and clamped far
 * beyond any real price. A key is exact when the price has at most 9 decimals and lies inside the
 * clamp; the router's exact valuation only ever uses exact keys.
 */
public final class PriceKeys {

    public static final int KEY_SCALE = 9;
    static final long KEY_LIMIT = 1L << 62;
    /** Not a key: the price is not a whole number of 1e-9 units inside the clamp. */
    public static final long NOT_EXACT = Long.MIN_VALUE;
    static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    private PriceKeys() {
    }

    static long floorKey(BigDecimal price) {
        return key(price, RoundingMode.FLOOR);
    }

    static long ceilKey(BigDecimal price) {
        return key(price, RoundingMode.CEILING);
    }

    /** The price's exact key, or {@link #NOT_EXACT}. */
    public static long exactKey(BigDecimal price) {
        long floor = floorKey(price);
        return isExact(floor, price.scale() <= KEY_SCALE ? floor : ceilKey(price)) ? floor : NOT_EXACT;
    }

    /** Whether a price whose floor and ceiling keys these are has an exact key (they agree, unclamped). */
    static boolean isExact(long floorKey, long ceilKey) {
        return floorKey == ceilKey && Math.abs(floorKey) < KEY_LIMIT;
    }

    /** A price as a count of 1e-9 units, rounded in the given direction, clamped far beyond any real price. */
    private static long key(BigDecimal price, RoundingMode direction) {
        int scale = price.scale();
        if (scale >= 0 && scale <= KEY_SCALE && price.precision() <= 18) {
            // The unscaled value as a long (scaleByPowerOfTen keeps it, without a BigInteger).
            long unscaled = price.scaleByPowerOfTen(scale).longValueExact();
            long factor = POWERS_OF_TEN[KEY_SCALE - scale];
            long high = Math.multiplyHigh(unscaled, factor);
            long key = unscaled * factor;
            if ((high == 0 && key >= 0) || (high == -1 && key < 0)) {
                return Math.max(-KEY_LIMIT, Math.min(KEY_LIMIT, key));
            }
        }
        BigDecimal scaled = price.setScale(KEY_SCALE, direction).scaleByPowerOfTen(KEY_SCALE);
        if (scaled.precision() > 18) {
            return scaled.signum() > 0 ? KEY_LIMIT : -KEY_LIMIT;
        }
        return Math.max(-KEY_LIMIT, Math.min(KEY_LIMIT, scaled.longValueExact()));
    }
}
