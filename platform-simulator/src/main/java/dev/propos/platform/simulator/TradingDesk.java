package dev.propos.platform.simulator;

import dev.propos.engine.event.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** What a simulated trader sees and can do at one of their wake-ups, on their own account. */
interface TradingDesk {

    Instant now();

    /** The account's own random stream. */
    SplittableRandom random();

    BigDecimal startingBalance();

    int openPositions();

    /** Whether {@code symbol} trades now and has a quote. */
    boolean tradable(String symbol);

    /** One standard deviation of the price move over {@code seconds}, as a price distance of at least one point. */
    BigDecimal typicalMove(String symbol, long seconds);

    /**
     * The side that gains from now to {@code seconds} later on the simulator's own future path
     * (what a trader who reads the market right would choose); null when the mid will not move.
     */
    Side sideThatGains(String symbol, long seconds);

    /** The lots that lose about {@code riskMoney} when the price moves {@code distance} against the position. */
    BigDecimal lotsRisking(String symbol, BigDecimal riskMoney, BigDecimal distance);

    /**
     * Opens a position at the market, with a stop loss and a take profit at the given distances
     * from the open price (null: none), to be closed after {@code holdSeconds} if neither is hit.
     * Returns false when the platform refused (account disabled, market closed).
     */
    boolean open(String symbol, Side side, BigDecimal lots, BigDecimal stopDistance, BigDecimal targetDistance,
                 long holdSeconds);

    /** The calendar's releases timed after {@code fromExclusive} and at or before {@code toInclusive}. */
    List<NewsRelease> releases(Instant fromExclusive, Instant toInclusive);

    /** When to act next; every wake-up schedules the next one. */
    void wakeAt(Instant time);
}
