package dev.propos.server.journal;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.event.Event;
import java.time.Instant;

/** A place in the journal, the firm's one order of record: an event or a configuration change. */
public sealed interface JournalEntry {

    long seq();

    /** The journal's time at this entry; it never decreases along the journal. */
    Instant journalTime();

    /**
     * An event in its journal place. A late event (its own time before the journal's time when it
     * was released) is evaluated at the journal's time and keeps its own as the reported time.
     */
    record Journaled(long seq, Instant journalTime, boolean late, AcceptedEvent accepted) implements JournalEntry {

        /** The event as the engine evaluates it: at its journal time. */
        public Event event() {
            return late ? EventTimes.withTime(accepted.event(), journalTime) : accepted.event();
        }
    }

    /** From here on the engine evaluates with {@code config}, the merge of every document imported so far. */
    record ConfigChanged(long seq, Instant journalTime, long configId, FirmConfig config) implements JournalEntry {
    }
}
