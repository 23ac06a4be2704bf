package dev.propos.formats.time;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The one time format of the spec: an RFC 3339 instant in UTC with {@code Z}, to the millisecond at
 * most ({@code 2026-03-02T09:15:00Z}, {@code 2026-03-02T09:15:00.250Z}). Hand-written because it is
 * on every event line: {@link java.time.format.DateTimeFormatter} is an order of magnitude slower.
 */
public final class Rfc3339 {

    private static final int SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final int DAYS_0000_03_01_TO_EPOCH = 719_468;

    private Rfc3339() {
    }

    /**
     * Parses {@code text}, or returns null when it is not exactly in the format (wrong shape, a
     * field out of range, a day the month does not have, more than three fraction digits).
     */
    public static Instant parseOrNull(CharSequence text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int millis = 0;
        if (length != 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 3) {
                return null;
            }
            millis = digits(text, 20, fractionDigits);
            if (millis < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 3; i++) {
                millis *= 10;
            }
        }
        long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
    }

    /** The longest text {@link #encode} writes: {@code 2026-03-02T09:15:00.250Z}. */
    public static final int MAX_LENGTH = 24;

    /**
     * Writes {@code instant} in the format as ASCII into {@code out} from {@code offset} (room for
     * {@link #MAX_LENGTH} bytes needed) and returns the offset after it. Milliseconds are written
     * only when not zero; digits below the millisecond are dropped.
     *
     * @throws IllegalArgumentException for a year outside 0000 to 9999
     */
    public static int encode(Instant instant, byte[] out, int offset) {
        long epochSecond = instant.getEpochSecond();
        long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = Math.floorMod(epochSecond, SECONDS_PER_DAY);
        // Civil date from day count (H. Hinnant's algorithm), in 400-year eras starting on March 1st.
        long shifted = epochDay + DAYS_0000_03_01_TO_EPOCH;
        long era = Math.floorDiv(shifted, 146_097);
        int dayOfEra = (int) (shifted - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthIndex = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("instant outside the years 0000 to 9999: " + instant);
        }
        int at = digits(out, offset, (int) year, 4);
        out[at++] = '-';
        at = digits(out, at, month, 2);
        out[at++] = '-';
        at = digits(out, at, day, 2);
        out[at++] = 'T';
        at = digits(out, at, secondOfDay / 3600, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay / 60 % 60, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay % 60, 2);
        int millis = instant.getNano() / 1_000_000;
        if (millis != 0) {
            out[at++] = '.';
            at = digits(out, at, millis, 3);
        }
        out[at++] = 'Z';
        return at;
    }

    /** {@code instant} in the format; see {@link #encode}. */
    public static String format(Instant instant) {
        byte[] text = new byte[MAX_LENGTH];
        return new String(text, 0, encode(instant, text, 0), StandardCharsets.US_ASCII);
    }

    /** Writes {@code value} as exactly {@code width} digits. */
    private static int digits(byte[] out, int offset, int value, int width) {
        for (int i = offset + width - 1; i >= offset; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return offset + width;
    }

    /** The non-negative value of {@code count} ASCII digits, or -1 when one is not a digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days since 1970-01-01 of a valid civil date (inverse of the algorithm in {@link #encode}). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - DAYS_0000_03_01_TO_EPOCH;
    }
}
