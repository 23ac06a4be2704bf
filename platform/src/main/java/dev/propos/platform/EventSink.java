package dev.propos.platform;

import dev.propos.engine.event.Event;
import java.util.List;

/**
 * Where a platform delivers its events: the server's ingest. A batch is in time order and follows
 * the previous batch in time.
 */
@FunctionalInterface
public interface EventSink {

    /**
     * Takes a batch of events. May block to slow a fast platform down (back-pressure). When it
     * throws, the platform delivers the same batch again later: ingest ignores what it already has
     * by event id.
     */
    void publish(List<Event> events);
}
