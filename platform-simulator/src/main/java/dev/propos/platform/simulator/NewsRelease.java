package dev.propos.platform.simulator;

import dev.propos.engine.event.Event;
import dev.propos.engine.event.Impact;
import java.time.Instant;
import java.util.List;

/** One entry of the simulated economic calendar. {@code endTime} is set for speeches and press conferences. */
record NewsRelease(Instant time, String id, List<String> currencies, Impact impact, String title, Instant endTime) {

    NewsRelease {
        currencies = List.copyOf(currencies);
    }

    boolean concerns(SimulatedSymbol symbol) {
        return symbol.currencies().stream().anyMatch(currencies::contains);
    }

    Instant lastInstant() {
        return endTime != null ? endTime : time;
    }

    Event.News toEvent(Instant publishedAt) {
        return new Event.News(time, id, currencies, List.of(), impact, title, endTime, publishedAt);
    }
}
