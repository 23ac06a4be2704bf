package dev.propos.engine.config;

import java.io.Serializable;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The firm's day boundary: local time {@code start} in {@code zone}. */
public record TradingDay(ZoneId zone, LocalTime start) implements Serializable {

    public static final TradingDay UTC_MIDNIGHT = new TradingDay(ZoneOffset.UTC, LocalTime.MIDNIGHT);
}
