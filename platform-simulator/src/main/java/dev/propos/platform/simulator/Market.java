package dev.propos.platform.simulator;

import dev.propos.engine.event.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated market: a price path per symbol, its spread, and the latest quote of each. */
final class Market {

    /** A quote in points; the wire prices are exact decimals at the symbol's digits. */
    record Quote(SimulatedSymbol symbol, Instant time, long bidPoints, long askPoints) {

        BigDecimal bid() {
            return symbol.price(bidPoints);
        }

        BigDecimal ask() {
            return symbol.price(askPoints);
        }

        /** The price a position on {@code side} opens at: the ask for a buy, the bid for a sell. */
        BigDecimal entry(Side side) {
            return side == Side.BUY ? ask() : bid();
        }

        /** The price a position on {@code side} closes at: the bid for a buy, the ask for a sell. */
        BigDecimal exit(Side side) {
            return side == Side.BUY ? bid() : ask();
        }

        /** The mid, exact: (bid + ask) / 2 always has one more digit at most. */
        BigDecimal mid() {
            return bid().add(ask()).divide(BigDecimal.TWO);
        }
    }

    /** Spreads widen this much around a high-impact release concerning the symbol. */
    private static final long NEWS_SPREAD_FACTOR = 3;
    private static final Duration NEWS_SPREAD_MARGIN = Duration.ofMinutes(2);

    private final long seed;
    private final long stepSeconds;
    private final NewsSchedule news;
    private final Map<String, SimulatedSymbol> symbols = new LinkedHashMap<>();
    private final Map<String, PricePath> paths = new HashMap<>();
    private final Map<String, Quote> latest = new HashMap<>();

    Market(SimulatorSettings settings, NewsSchedule news) {
        this.seed = settings.seed();
        this.stepSeconds = settings.quoteIntervalSeconds();
        this.news = news;
        for (SimulatedSymbol symbol : settings.symbols()) {
            symbols.put(symbol.name(), symbol);
        }
        startPaths(settings.start(), Map.of(), 0);
    }

    /**
     * Starts every path again at {@code at}, from the given latest quotes (the initial price for a
     * symbol without one), with random streams salted by {@code at}: what a restart does.
     */
    void restart(Instant at, Map<String, Quote> lastQuotes) {
        latest.clear();
        latest.putAll(lastQuotes);
        startPaths(at, lastQuotes, at.toEpochMilli());
    }

    private void startPaths(Instant at, Map<String, Quote> lastQuotes, long salt) {
        paths.clear();
        for (SimulatedSymbol symbol : symbols.values()) {
            Quote last = lastQuotes.get(symbol.name());
            double mid = last != null ? (last.bidPoints() + last.askPoints()) / 2.0
                    : symbol.points(symbol.initialPrice());
            paths.put(symbol.name(), new PricePath(symbol, Randomness.stream(seed, symbol.name(), salt), news,
                    stepSeconds, at, mid));
        }
    }

    /** Moves every path to grid instant {@code epochSecond}; returns the quotes of the symbols that trade then. */
    List<Quote> tick(long epochSecond) {
        List<Quote> quotes = new ArrayList<>();
        Instant time = Instant.ofEpochSecond(epochSecond);
        for (SimulatedSymbol symbol : symbols.values()) {
            PricePath.Point point = paths.get(symbol.name()).reach(epochSecond);
            if (point == null) {
                continue;
            }
            long spread = spreadPoints(symbol, time);
            long bid = Math.max(1, Math.round(point.midPoints() - spread / 2.0));
            Quote quote = new Quote(symbol, time, bid, bid + spread);
            latest.put(symbol.name(), quote);
            quotes.add(quote);
        }
        return quotes;
    }

    Collection<SimulatedSymbol> symbols() {
        return symbols.values();
    }

    SimulatedSymbol symbol(String name) {
        return symbols.get(name);
    }

    /** The latest quote of {@code symbol}, or null before its first. */
    Quote latest(String symbol) {
        return latest.get(symbol);
    }

    /** Takes a quote from the journal as the latest (recovery). */
    void record(Quote quote) {
        latest.put(quote.symbol().name(), quote);
    }

    Map<String, Quote> latestQuotes() {
        return Map.copyOf(latest);
    }

    /** Whether a trader can deal in {@code symbol} at {@code instant}: it trades and has a quote. */
    boolean tradable(String symbol, Instant instant) {
        SimulatedSymbol spec = symbols.get(symbol);
        return spec != null && latest.containsKey(symbol) && spec.hours().isOpen(instant);
    }

    /** The mid, in points, the path will have at {@code instant}. */
    double midPointsAt(String symbol, Instant instant) {
        return paths.get(symbol).midAt(instant);
    }

    /** One standard deviation of the move over {@code seconds}, in points. */
    double typicalMovePoints(String symbol, long seconds) {
        return paths.get(symbol).typicalMovePoints(seconds);
    }

    private long spreadPoints(SimulatedSymbol symbol, Instant time) {
        boolean nearNews = news.highImpactNear(symbol, time, NEWS_SPREAD_MARGIN);
        return nearNews ? symbol.spreadPoints() * NEWS_SPREAD_FACTOR : symbol.spreadPoints();
    }
}
