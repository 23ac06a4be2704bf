package dev.propos.engine.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Instants of a local wall-clock time in a zone. A time in a spring-forward gap moves forward by
 * the gap; in an autumn overlap the earlier instant is used (what {@link ZonedDateTime#of} does).
 */
public final class LocalSchedule {

    private LocalSchedule() {
    }

    /** The first instant strictly after {@code after} at local {@code time} in {@code zone}. */
    public static Instant nextDaily(ZoneId zone, LocalTime time, Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        while (true) {
            Instant candidate = ZonedDateTime.of(date, time, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
            date = date.plusDays(1);
        }
    }

    /** The first instant strictly after {@code after} on local {@code day} at {@code time}. */
    public static Instant nextWeekly(ZoneId zone, DayOfWeek day, LocalTime time, Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        while (true) {
            if (date.getDayOfWeek() == day) {
                Instant candidate = ZonedDateTime.of(date, time, zone).toInstant();
                if (candidate.isAfter(after)) {
                    return candidate;
                }
            }
            date = date.plusDays(1);
        }
    }
}
