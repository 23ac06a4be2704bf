package dev.propos.server.journal;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.event.Event;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives accepted events their place in the journal (spec/server.md, "One journal, one order").
 * Platforms deliver late and out of order, so each event is held for the lateness window of wall
 * time after it was acknowledged; the held events are then journaled in time order. One that comes
 * after its place was taken is journaled at the journal's current time, marked late. Calendar
 * entries are reference data: journaled when released, never late.
 *
 * <p>Pure bookkeeping, no I/O, no clock of its own: the caller says what time it is. Not
 * thread-safe: the journal writer owns it.
 */
public final class Sequencer {

    private record Held(AcceptedEvent event, long releaseAtNanos) {
    }

    private static final Comparator<AcceptedEvent> TIME_ORDER = Comparator
            .comparing((AcceptedEvent accepted) -> accepted.event().time())
            .thenComparingLong(AcceptedEvent::receivedSeq);

    private final long windowNanos;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long lastSeq;
    private Instant journalTime;

    /** Continues a journal whose last entry is {@code lastSeq} at {@code journalTime} (null when empty). */
    public Sequencer(long windowNanos, long lastSeq, Instant journalTime) {
        this.windowNanos = windowNanos;
        this.lastSeq = lastSeq;
        this.journalTime = journalTime;
    }

    /** Holds an event acknowledged at {@code nowNanos} (acknowledgement order, so the queue stays in release order). */
    public void hold(AcceptedEvent event, long nowNanos) {
        held.addLast(new Held(event, nowNanos + windowNanos));
    }

    /** The events whose window has passed at {@code nowNanos}, journaled in time order. */
    public List<JournalEntry> release(long nowNanos) {
        List<AcceptedEvent> due = new ArrayList<>();
        while (!held.isEmpty() && held.peekFirst().releaseAtNanos() - nowNanos <= 0) {
            due.add(held.pollFirst().event());
        }
        due.sort(TIME_ORDER);
        List<JournalEntry> entries = new ArrayList<>(due.size());
        for (AcceptedEvent accepted : due) {
            entries.add(journal(accepted));
        }
        return entries;
    }

    /** Journals an event at once, bypassing the window (the server's own clock ticks). */
    public JournalEntry journal(AcceptedEvent accepted) {
        Event event = accepted.event();
        if (event instanceof Event.News || (journalTime != null && event.time().isBefore(journalTime))) {
            boolean late = !(event instanceof Event.News);
            return new JournalEntry.Journaled(++lastSeq, journalTimeOrStart(event), late, accepted);
        }
        journalTime = event.time();
        return new JournalEntry.Journaled(++lastSeq, journalTime, false, accepted);
    }

    /**
     * Journals a configuration change at the journal's current time (null before the first event):
     * a change does not move time, which stays the events' own.
     */
    public JournalEntry configChanged(long configId, FirmConfig config) {
        return new JournalEntry.ConfigChanged(++lastSeq, journalTime, configId, config);
    }

    private Instant journalTimeOrStart(Event event) {
        return journalTime != null ? journalTime : event.time();
    }

    public Instant journalTime() {
        return journalTime;
    }

    public int heldCount() {
        return held.size();
    }

    /** When the oldest held event is due, or {@code Long.MAX_VALUE} with none held. */
    public long nextReleaseNanos() {
        return held.isEmpty() ? Long.MAX_VALUE : held.peekFirst().releaseAtNanos();
    }
}
