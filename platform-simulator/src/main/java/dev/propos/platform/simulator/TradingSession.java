package dev.propos.platform.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The hours a day trader sits at the screen: 07:00 to 20:00 UTC, Monday to Friday (London open to
 * New York afternoon). On Friday they stop opening trades that would still run at 19:00 UTC, before
 * the firms' weekend cut-offs.
 */
final class TradingSession {

    private static final LocalTime START = LocalTime.of(7, 0);
    private static final LocalTime END = LocalTime.of(20, 0);
    private static final LocalTime FRIDAY_END = LocalTime.of(19, 0);

    private TradingSession() {
    }

    static boolean contains(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return isWeekday(utc.getDayOfWeek()) && !utc.toLocalTime().isBefore(START)
                && utc.toLocalTime().isBefore(endOf(utc.getDayOfWeek()));
    }

    /** Whether a trade opened at {@code open} and held until {@code until} stays within the day's session. */
    static boolean holds(Instant open, Instant until) {
        ZonedDateTime utc = open.atZone(ZoneOffset.UTC);
        Instant end = utc.toLocalDate().atTime(endOf(utc.getDayOfWeek())).toInstant(ZoneOffset.UTC);
        return contains(open) && !until.isAfter(end);
    }

    /** The start of the next session after {@code instant}. */
    static Instant nextStart(Instant instant) {
        LocalDate day = instant.atZone(ZoneOffset.UTC).toLocalDate();
        while (true) {
            Instant start = day.atTime(START).toInstant(ZoneOffset.UTC);
            if (isWeekday(day.getDayOfWeek()) && start.isAfter(instant)) {
                return start;
            }
            day = day.plusDays(1);
        }
    }

    private static LocalTime endOf(DayOfWeek day) {
        return day == DayOfWeek.FRIDAY ? FRIDAY_END : END;
    }

    private static boolean isWeekday(DayOfWeek day) {
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
