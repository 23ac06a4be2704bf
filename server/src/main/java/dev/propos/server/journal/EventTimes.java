package dev.propos.server.journal;

import dev.propos.engine.event.Event;
import java.time.Instant;

/** Moves an event to another time, everything else kept. */
public final class EventTimes {

    private EventTimes() {
    }

    public static Event withTime(Event event, Instant time) {
        return switch (event) {
            case Event.AccountStarted e -> new Event.AccountStarted(time, e.id(), e.account(), e.previousAccount(),
                    e.program(), e.version(), e.phase(), e.balance(), e.trader(), e.fee());
            case Event.PositionOpened e -> new Event.PositionOpened(time, e.id(), e.account(), e.position(),
                    e.symbol(), e.side(), e.lots(), e.price(), e.sl(), e.tp(), e.commission());
            case Event.PositionModified e -> new Event.PositionModified(time, e.id(), e.account(), e.position(),
                    e.sl(), e.tp());
            case Event.PositionClosed e -> new Event.PositionClosed(time, e.id(), e.account(), e.position(),
                    e.price(), e.lots(), e.profit(), e.commission(), e.swap());
            case Event.BalanceAdjusted e -> new Event.BalanceAdjusted(time, e.id(), e.account(), e.amount(),
                    e.reason());
            case Event.EquityReported e -> new Event.EquityReported(time, e.id(), e.account(), e.equity(),
                    e.balance());
            case Event.PayoutRequested e -> new Event.PayoutRequested(time, e.id(), e.account(), e.amount());
            case Event.PayoutCancelled e -> new Event.PayoutCancelled(time, e.id(), e.account());
            case Event.Quote e -> new Event.Quote(time, e.id(), e.symbol(), e.bid(), e.ask());
            case Event.News e -> new Event.News(time, e.id(), e.currencies(), e.symbols(), e.impact(), e.title(),
                    e.endTime(), e.knownFrom());
            case Event.Clock e -> new Event.Clock(time, e.id());
        };
    }
}
