package dev.propos.platform.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When a symbol trades, in UTC: from Sunday {@code sundayOpenUtc} to Friday {@code fridayCloseUtc},
 * except a daily break Monday to Thursday (both null when there is none); or always (crypto).
 * Daylight saving is ignored: the simulated market keeps winter hours all year.
 */
public record TradingHours(boolean alwaysOpen, LocalTime sundayOpenUtc, LocalTime fridayCloseUtc,
                           LocalTime dailyBreakStartUtc, LocalTime dailyBreakEndUtc) {

    /** Seven days a week, around the clock. */
    public static final TradingHours ALWAYS = new TradingHours(true, null, null, null, null);

    /** Currency pairs: Sunday 22:00 to Friday 22:00 UTC without a break. */
    public static final TradingHours FOREX = weekdays(LocalTime.of(22, 0), LocalTime.of(22, 0));

    /** Metals and index CFDs: Sunday 23:00 to Friday 22:00 UTC, with a break from 22:00 to 23:00. */
    public static final TradingHours CFD = weekdays(LocalTime.of(23, 0), LocalTime.of(22, 0))
            .withDailyBreak(LocalTime.of(22, 0), LocalTime.of(23, 0));

    public static TradingHours weekdays(LocalTime sundayOpenUtc, LocalTime fridayCloseUtc) {
        return new TradingHours(false, sundayOpenUtc, fridayCloseUtc, null, null);
    }

    public TradingHours withDailyBreak(LocalTime startUtc, LocalTime endUtc) {
        return new TradingHours(alwaysOpen, sundayOpenUtc, fridayCloseUtc, startUtc, endUtc);
    }

    public boolean isOpen(Instant instant) {
        if (alwaysOpen) {
            return true;
        }
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        LocalTime time = utc.toLocalTime();
        DayOfWeek day = utc.getDayOfWeek();
        return switch (day) {
            case SATURDAY -> false;
            case SUNDAY -> !time.isBefore(sundayOpenUtc);
            case FRIDAY -> time.isBefore(fridayCloseUtc) && !inBreak(time);
            default -> !inBreak(time);
        };
    }

    private boolean inBreak(LocalTime time) {
        return dailyBreakStartUtc != null && !time.isBefore(dailyBreakStartUtc) && time.isBefore(dailyBreakEndUtc);
    }
}
