package dev.propos.platform.simulator;

import dev.propos.engine.event.Impact;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * The mid price of one symbol over time: a random walk in log space on the quote grid, moving only
 * while the symbol trades, with a jump at its high-impact news, a gap after a closure and a slow
 * pull back to the initial price (so a demo running for months keeps believable prices).
 *
 * <p>The path is generated ahead on demand from the symbol's own random stream, so it does not
 * depend on who looks at it or when: skilled simulated traders "read the market" by peeking at it.
 */
final class PricePath {

    /** A point of the path: the mid, in points, at a grid instant when the symbol traded. */
    record Point(long epochSecond, double midPoints) {
    }

    private static final double SECONDS_PER_DAY = 86_400;
    /** Extra variance per skipped step over a closure, as a share of a trading step's: weekend gaps. */
    private static final double GAP_VARIANCE_SHARE = 0.2;
    /** A high-impact release moves the price by this many daily standard deviations, typically. */
    private static final double NEWS_JUMP_DAYS = 0.3;
    /** The pull back to the initial price: its half-life, in days of trading. */
    private static final double REVERSION_HALF_LIFE_DAYS = 90;

    private final SimulatedSymbol symbol;
    private final SplittableRandom random;
    private final NewsSchedule news;
    private final long stepSeconds;
    private final double stepSd;
    private final double reversionPerStep;
    private final double logInitial;
    private final ArrayDeque<Point> ahead = new ArrayDeque<>();
    private Point current;
    private Point last;

    /**
     * A path at {@code midPoints} one step before the grid instant at or before {@code from}, so
     * that a tick at {@code from} itself quotes.
     */
    PricePath(SimulatedSymbol symbol, SplittableRandom random, NewsSchedule news, long stepSeconds, Instant from,
              double midPoints) {
        this.symbol = symbol;
        this.random = random;
        this.news = news;
        this.stepSeconds = stepSeconds;
        double dailySd = symbol.dailyVolatilityPercent() / 100;
        this.stepSd = dailySd * Math.sqrt(stepSeconds / SECONDS_PER_DAY);
        this.reversionPerStep = StrictMath.log(2) / (REVERSION_HALF_LIFE_DAYS * SECONDS_PER_DAY / stepSeconds);
        this.logInitial = StrictMath.log(symbol.points(symbol.initialPrice()));
        this.current = new Point((Math.floorDiv(from.getEpochSecond(), stepSeconds) - 1) * stepSeconds, midPoints);
        this.last = current;
    }

    /** The latest point reached (the one at or before the last {@link #reach} instant). */
    Point current() {
        return current;
    }

    /**
     * Moves the path to grid instant {@code epochSecond}; returns the new point when the symbol
     * trades at that instant, else null (it is closed and the price holds).
     */
    Point reach(long epochSecond) {
        generateThrough(epochSecond);
        Point reached = null;
        while (!ahead.isEmpty() && ahead.peekFirst().epochSecond() <= epochSecond) {
            reached = ahead.pollFirst();
            current = reached;
        }
        return reached != null && reached.epochSecond() == epochSecond ? reached : null;
    }

    /** The mid, in points, that the path will have at {@code instant} (at or after the current point). */
    double midAt(Instant instant) {
        long second = instant.getEpochSecond();
        generateThrough(second);
        Point at = current;
        Iterator<Point> points = ahead.iterator();
        while (points.hasNext()) {
            Point next = points.next();
            if (next.epochSecond() > second) {
                break;
            }
            at = next;
        }
        return at.midPoints();
    }

    /** One standard deviation of the price move over {@code seconds} of trading, in points. */
    double typicalMovePoints(long seconds) {
        return current.midPoints() * stepSd * Math.sqrt((double) seconds / stepSeconds);
    }

    private void generateThrough(long epochSecond) {
        while (last.epochSecond() < epochSecond) {
            long time = last.epochSecond() + stepSeconds;
            int skipped = 0;
            // A closure is skipped whole here even past epochSecond: the next point is the reopening.
            while (!symbol.hours().isOpen(Instant.ofEpochSecond(time))) {
                time += stepSeconds;
                skipped++;
            }
            double variance = stepSd * stepSd * (1 + GAP_VARIANCE_SHARE * skipped);
            double logMid = StrictMath.log(last.midPoints());
            double change = Math.sqrt(variance) * Randomness.gaussian(random)
                    - reversionPerStep * (logMid - logInitial);
            if (releaseWithin(time)) {
                double dailySd = symbol.dailyVolatilityPercent() / 100;
                change += NEWS_JUMP_DAYS * dailySd * Randomness.gaussian(random);
            }
            last = new Point(time, StrictMath.exp(logMid + change));
            ahead.addLast(last);
        }
    }

    /** Whether a high-impact release concerning the symbol falls in the step that ends at {@code time}. */
    private boolean releaseWithin(long time) {
        Instant end = Instant.ofEpochSecond(time);
        return news.between(end.minusSeconds(stepSeconds), end).stream()
                .anyMatch(r -> r.impact() == Impact.HIGH && r.concerns(symbol));
    }
}
