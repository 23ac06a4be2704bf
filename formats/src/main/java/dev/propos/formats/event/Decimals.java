package dev.propos.formats.event;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Exact decimals from text, with a fast path for the plain form prices and lots take
 * ({@code -123.4567}, up to 18 digits): {@code new BigDecimal(String)} costs several times more.
 */
final class Decimals {

    private static final int MAX_LONG_DIGITS = 18;

    private Decimals() {
    }

    /**
     * The exact value of {@code chars[offset, offset + length)} (text Jackson has read).
     *
     * @throws NumberFormatException when it is not a number
     */
    static BigDecimal parse(char[] chars, int offset, int length) {
        return parse(new String(chars, offset, length));
    }

    /** The exact value of {@code text}; not a number: {@link NumberFormatException}. */
    static BigDecimal parse(String text) {
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        return parse(latin1, 0, latin1.length);
    }

    /** The exact value of ASCII bytes: {@code [-]digits[.digits]} of up to 18 digits read directly, anything else by {@link BigDecimal}. */
    static BigDecimal parse(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int at = offset;
        boolean negative = at < end && bytes[at] == '-';
        if (negative) {
            at++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean inFraction = false;
        boolean plain = true;
        for (; at < end; at++) {
            byte b = bytes[at];
            if (b >= '0' && b <= '9') {
                if (++digits > MAX_LONG_DIGITS) {
                    plain = false;
                    break;
                }
                unscaled = unscaled * 10 + (b - '0');
                if (inFraction) {
                    scale++;
                }
            } else if (b == '.' && !inFraction && digits > 0) {
                inFraction = true;
            } else {
                plain = false;
                break;
            }
        }
        if (plain && digits > 0 && !(inFraction && scale == 0)) {
            return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
        }
        return new BigDecimal(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
    }
}
