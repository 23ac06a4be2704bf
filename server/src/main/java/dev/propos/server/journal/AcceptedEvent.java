package dev.propos.server.journal;

import dev.propos.engine.event.Event;
import java.time.Instant;

/**
 * An event ingest acknowledged: stored as received (its {@code line}) under {@code receivedSeq},
 * the order of acknowledgement, and waiting for, or already given, its place in the journal.
 */
public record AcceptedEvent(long receivedSeq, Event event, String line, String source, Instant receivedAt) {
}
