package dev.propos.formats.event;

import java.math.BigDecimal;

/**
 * Exact decimals from text, with a fast path for the plain form prices and lots take
 * ({@code -123.4567}, up to 18 digits): {@code new BigDecimal(String)} costs several times more.
 */
final class Decimals {

    private static final int MAX_LONG_DIGITS = 18;

    private Decimals() {
    }

    /**
     * The exact value of {@code chars[offset, offset + length)}.
     *
     * @throws NumberFormatException when it is not a number
     */
    static BigDecimal parse(char[] chars, int offset, int length) {
        BigDecimal plain = parsePlain(chars, offset, length);
        return plain != null ? plain : new BigDecimal(chars, offset, length);
    }

    /** As {@link #parse(char[], int, int)}, for ASCII bytes. */
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
        return new BigDecimal(new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    static BigDecimal parse(String text) {
        BigDecimal plain = parsePlain(text.toCharArray(), 0, text.length());
        return plain != null ? plain : new BigDecimal(text);
    }

    /** {@code [-]digits[.digits]} with at most 18 digits, else null (left to {@link BigDecimal}). */
    private static BigDecimal parsePlain(char[] chars, int offset, int length) {
        int end = offset + length;
        int at = offset;
        boolean negative = at < end && chars[at] == '-';
        if (negative) {
            at++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean inFraction = false;
        for (; at < end; at++) {
            char c = chars[at];
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_LONG_DIGITS) {
                    return null;
                }
                unscaled = unscaled * 10 + (c - '0');
                if (inFraction) {
                    scale++;
                }
            } else if (c == '.' && !inFraction && digits > 0) {
                inFraction = true;
            } else {
                return null;
            }
        }
        if (digits == 0 || inFraction && scale == 0) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }
}
