package dev.propos.server.journal;

import dev.propos.engine.event.Event;
import dev.propos.formats.event.EventLineParser;
import dev.propos.formats.event.EventWriter;
import dev.propos.formats.time.Rfc3339;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The journal as {@code propos evaluate} reads it: every journaled event in journal order, at its
 * journal time. A late event keeps its own time as {@code reported_time} (ignored by the parser);
 * a calendar entry carries {@code known_from} no earlier than its journal place, so that a replay
 * judges only what came after its import, as the live engine did (spec/server.md, "Time").
 * Voided entries (refused by the engine) are left out.
 */
@Component
public class JournalExport {

    private final JournalStore store;

    JournalExport(JournalStore store) {
        this.store = store;
    }

    public void write(long afterSeq, Writer out) {
        EventLineParser parser = new EventLineParser();
        store.readJournalEvents(afterSeq, stored -> {
            Event event = JournalWriter.parse(parser, stored.line());
            String line;
            if (event instanceof Event.News news) {
                Instant knownFrom = news.knownFrom() == null || news.knownFrom().isBefore(stored.journalTime())
                        ? stored.journalTime() : news.knownFrom();
                line = EventWriter.line(new Event.News(news.time(), news.id(), news.currencies(), news.symbols(),
                        news.impact(), news.title(), news.endTime(), knownFrom));
            } else if (stored.late()) {
                line = EventWriter.withExtra(EventTimes.withTime(event, stored.journalTime()), "reported_time",
                        Rfc3339.format(event.time()));
            } else {
                line = stored.line();
            }
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
