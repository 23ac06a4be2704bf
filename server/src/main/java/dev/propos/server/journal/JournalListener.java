package dev.propos.server.journal;

import java.util.List;

/** Told of journal entries once they are durable, in journal order. */
public interface JournalListener {

    void journaled(List<JournalEntry> entries);
}
