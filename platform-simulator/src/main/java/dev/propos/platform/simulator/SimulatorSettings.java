package dev.propos.platform.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;

/**
 * How the simulator runs.
 *
 * @param seed                 everything random (prices, traders, the calendar) follows from it
 * @param start                the simulated instant the simulation starts at
 * @param timeScale            simulated seconds per wall second (1440: a day a minute); 0 runs no
 *                             clock thread: the caller moves time with {@code publishUntil}
 * @param quoteIntervalSeconds a quote per open symbol every this many simulated seconds
 * @param clockIntervalSeconds a {@code clock} event every this many simulated seconds
 * @param newsLeadHours        calendar entries are published this long before their release
 * @param stepMillis           wall time between two steps of the clock thread
 * @param maxStepSeconds       the most simulated time one step covers: when the sink blocks,
 *                             simulated time slows down instead of catching up in one huge batch
 * @param symbols              the quoted symbols
 */
public record SimulatorSettings(long seed, Instant start, double timeScale, int quoteIntervalSeconds,
                                int clockIntervalSeconds, int newsLeadHours, int stepMillis, int maxStepSeconds,
                                List<SimulatedSymbol> symbols) {

    /** One trading day per wall minute. */
    public static final double DAY_PER_MINUTE = 1440;

    public SimulatorSettings {
        Objects.requireNonNull(start, "start");
        symbols = List.copyOf(symbols);
        if (timeScale < 0 || quoteIntervalSeconds <= 0 || clockIntervalSeconds <= 0 || newsLeadHours < 0
                || stepMillis <= 0 || maxStepSeconds <= 0 || symbols.isEmpty()) {
            throw new IllegalArgumentException("invalid simulator settings: " + this);
        }
    }

    /** A day a minute, a quote a minute, a clock every five minutes, the calendar a day ahead. */
    public static SimulatorSettings defaults(long seed, Instant start) {
        return new SimulatorSettings(seed, start, DAY_PER_MINUTE, 60, 300, 24, 100, 3600,
                SimulatedSymbols.standardSet());
    }

    /**
     * A good start for a demo near {@code instant}: Monday 06:00 UTC of its week, so that markets
     * are open and traders begin within seconds of wall time.
     */
    public static Instant mondayMorningOfWeek(Instant instant) {
        return instant.atZone(ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .with(LocalTime.of(6, 0))
                .toInstant();
    }

    public SimulatorSettings withTimeScale(double simulatedSecondsPerWallSecond) {
        return new SimulatorSettings(seed, start, simulatedSecondsPerWallSecond, quoteIntervalSeconds,
                clockIntervalSeconds, newsLeadHours, stepMillis, maxStepSeconds, symbols);
    }

    /** No clock thread: time moves only when the caller says so (tests, a server driving time itself). */
    public SimulatorSettings manualTime() {
        return withTimeScale(0);
    }

    public SimulatorSettings withQuoteIntervalSeconds(int seconds) {
        return new SimulatorSettings(seed, start, timeScale, seconds, clockIntervalSeconds, newsLeadHours,
                stepMillis, maxStepSeconds, symbols);
    }

    public SimulatorSettings withSymbols(List<SimulatedSymbol> quoted) {
        return new SimulatorSettings(seed, start, timeScale, quoteIntervalSeconds, clockIntervalSeconds,
                newsLeadHours, stepMillis, maxStepSeconds, quoted);
    }

    public SimulatedSymbol symbol(String name) {
        for (SimulatedSymbol symbol : symbols) {
            if (symbol.name().equals(name)) {
                return symbol;
            }
        }
        return null;
    }
}
