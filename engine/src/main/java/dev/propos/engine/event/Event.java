package dev.propos.engine.event;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An input event (spec/events.md). Money fields are exact decimals as read; the engine rounds them
 * to cents. Optional fields are {@code null} when absent.
 */
public sealed interface Event {

    Instant time();

    /** The event id, for idempotent ingest; may be null. */
    String id();

    /** An event about one account. */
    sealed interface AccountEvent extends Event {
        String account();
    }

    record AccountStarted(Instant time, String id, String account, String previousAccount, String program,
                          Integer version, String phase, BigDecimal balance, String trader, BigDecimal fee)
            implements AccountEvent {
    }

    record PositionOpened(Instant time, String id, String account, String position, String symbol, Side side,
                          BigDecimal lots, BigDecimal price, BigDecimal sl, BigDecimal tp, BigDecimal commission)
            implements AccountEvent {
    }

    record PositionModified(Instant time, String id, String account, String position, LevelUpdate sl,
                            LevelUpdate tp) implements AccountEvent {
    }

    /** {@code lots}, {@code profit}, {@code commission} and {@code swap} may be null. */
    record PositionClosed(Instant time, String id, String account, String position, BigDecimal price,
                          BigDecimal lots, BigDecimal profit, BigDecimal commission, BigDecimal swap)
            implements AccountEvent {
    }

    record BalanceAdjusted(Instant time, String id, String account, BigDecimal amount, AdjustmentReason reason)
            implements AccountEvent {
    }

    record EquityReported(Instant time, String id, String account, BigDecimal equity, BigDecimal balance)
            implements AccountEvent {
    }

    /** {@code amount} null asks for the whole eligible profit. */
    record PayoutRequested(Instant time, String id, String account, BigDecimal amount) implements AccountEvent {
    }

    record PayoutCancelled(Instant time, String id, String account) implements AccountEvent {
    }

    record Quote(Instant time, String id, String symbol, BigDecimal bid, BigDecimal ask) implements Event {
    }

    /** An economic-calendar entry; reference data, not part of the stream's time order. */
    record News(Instant time, String id, List<String> currencies, List<String> symbols, Impact impact,
                String title, Instant endTime, Instant knownFrom) implements Event, Serializable {
        public News {
            currencies = List.copyOf(currencies);
            symbols = symbols == null ? List.of() : List.copyOf(symbols);
        }
    }

    record Clock(Instant time, String id) implements Event {
    }
}
