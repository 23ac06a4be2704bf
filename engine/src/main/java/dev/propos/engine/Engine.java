package dev.propos.engine;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rule engine: applies events in order and hands every decision to a sink, synchronously and
 * deterministically. Not thread-safe: one writer.
 */
public final class Engine {

    private final FirmConfig config;
    private final Consumer<Decision> decisions;

    public Engine(FirmConfig config, Consumer<Decision> decisions) {
        this.config = config;
        this.decisions = decisions;
    }

    /**
     * Adds a calendar entry known ahead of the stream (applies from its {@code known_from}, or from
     * the start). {@code propos evaluate} calls this for every news line of its files before the
     * main pass, and then skips news lines in {@link #apply}.
     */
    public void addCalendarEntry(Event.News news) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Applies one event: boundaries and scheduled checks due by its time, the event itself, then
     * the rules. A {@code news} event given here applies from where it stands in the stream.
     *
     * @throws EngineException when the event cannot be applied; the engine state is then undefined
     *                         for the event's account and the caller is expected to stop.
     */
    public void apply(Event event) {
        throw new UnsupportedOperationException("in progress");
    }

    /** One {@code account_status} per account, sorted by account id. */
    public List<Decision.AccountStatus> statuses() {
        throw new UnsupportedOperationException("in progress");
    }
}
