package dev.propos.server.journal;

import dev.propos.server.threads.ServiceThread;
import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.event.Event;
import dev.propos.formats.config.ConfigException;
import dev.propos.formats.config.ConfigReader;
import dev.propos.formats.config.ConfigSource;
import dev.propos.formats.event.EventLineParser;
import dev.propos.formats.event.EventWriter;
import dev.propos.server.journal.JournalStore.ConfigDocument;
import dev.propos.server.journal.JournalStore.RejectedLine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal's one writer. Requests from any thread queue here; one thread takes everything
 * queued, checks it (duplicates first, then {@link AdmissionCheck}), stores what it accepts and
 * the journal places the {@link Sequencer} releases in one transaction (group commit), and only
 * then answers the requests and hands the new entries to the {@link JournalListener}. An answer
 * therefore means durable: no acknowledged event is lost by a crash.
 */
@Component
public class JournalWriter {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
    private static final String CLOCK_SOURCE = "server-clock";
    private static final int MAX_LINES_PER_COMMIT = 20_000;

    /** The configuration before the first import. */
    public static final FirmConfig NO_PROGRAMS = new FirmConfig(Map.of(), List.of(), RiskConfig.NONE);

    /** A configuration document's import, once journaled: its id and the merged configuration. */
    public record ConfigImported(long configId, long seq, FirmConfig config) {
    }

    private sealed interface Submission {
        int size();
    }

    private record Lines(String source, List<IncomingLine> lines, CompletableFuture<List<LineOutcome>> done)
            implements Submission {
        @Override
        public int size() {
            return lines.size();
        }
    }

    private record ImportConfig(String importedBy, String sourceName, String yaml, CompletableFuture<ConfigImported> done)
            implements Submission {
        @Override
        public int size() {
            return 1;
        }
    }

    /** What one round of the writer stores, and whom it answers afterwards. */
    private static final class Round {
        final List<AcceptedEvent> accepted = new ArrayList<>();
        final List<RejectedLine> rejected = new ArrayList<>();
        final List<JournalEntry> entries = new ArrayList<>();
        final List<ConfigDocument> documents = new ArrayList<>();
        final List<Runnable> answers = new ArrayList<>();
        final List<CompletableFuture<?>> waiting = new ArrayList<>();

        boolean isEmpty() {
            return accepted.isEmpty() && rejected.isEmpty() && entries.isEmpty() && documents.isEmpty()
                    && answers.isEmpty();
        }
    }

    private final JournalStore store;
    private final TransactionTemplate transaction;
    private final JournalSettings settings;
    private final Clock clock;
    private final JournalListener listener;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final Counter lateEvents;
    private final Counter acceptedEvents;
    private final Counter rejectedEvents;
    private final Counter duplicateEvents;

    // Owned by the writer thread once started.
    private Sequencer sequencer;
    private AdmissionCheck admission;
    private final List<ConfigSource> configSources = new ArrayList<>();
    private volatile FirmConfig config;
    private long lastReceivedSeq;
    private long lastConfigId;
    private Instant lastClockTick;
    private volatile Instant publishedJournalTime;
    private final ServiceThread thread = ServiceThread.named("journal-writer");
    private volatile boolean running;

    public JournalWriter(JournalStore store, TransactionTemplate transaction, JournalSettings settings, Clock clock,
                         JournalListener listener, MeterRegistry meters) {
        this.store = store;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.lateEvents = meters.counter("propos.journal.late.events");
        this.acceptedEvents = meters.counter("propos.ingest.events", "outcome", "accepted");
        this.rejectedEvents = meters.counter("propos.ingest.events", "outcome", "rejected");
        this.duplicateEvents = meters.counter("propos.ingest.events", "outcome", "duplicate");
        meters.gauge("propos.journal.held.events", queue, q -> sequencer == null ? 0 : sequencer.heldCount());
    }

    /**
     * Reads the journal's state back and starts the writer. Events accepted but not yet journaled
     * when the server stopped are journaled first, as already due. {@code finishedAccounts} are the
     * accounts the engine has finished (their later events are ignored, not refused).
     */
    public synchronized void start(Collection<String> finishedAccounts) {
        recover();
        finishedAccounts.forEach(admission::finished);
        running = true;
        thread.start(this::run);
    }

    public synchronized void stop() {
        running = false;
        thread.stop();
    }

    /** Offers lines of a request or a platform's events; completes once they are durable (or refused). */
    public CompletableFuture<List<LineOutcome>> submit(String source, List<IncomingLine> lines) {
        CompletableFuture<List<LineOutcome>> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the journal is not running"));
            return done;
        }
        queue.add(new Lines(source, List.copyOf(lines), done));
        return done;
    }

    /** Offers events a platform adapter produced (already parsed). */
    public CompletableFuture<List<LineOutcome>> submitEvents(String source, List<Event> events) {
        List<IncomingLine> lines = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            lines.add(IncomingLine.of(i + 1, events.get(i), EventWriter.line(events.get(i))));
        }
        return submit(source, lines);
    }

    /** Imports a firm configuration document (programs.md); it applies from its journal place on. */
    public CompletableFuture<ConfigImported> importConfig(String importedBy, String sourceName, String yaml) {
        CompletableFuture<ConfigImported> done = new CompletableFuture<>();
        queue.add(new ImportConfig(importedBy, sourceName, yaml, done));
        return done;
    }

    /** The journal's time after the last stored round (null while the journal is empty). */
    public Instant journalTime() {
        return publishedJournalTime;
    }

    /**
     * The firm's time, for an event the server makes now (an enrollment, a payout request): the
     * journal's, not the wall's, as a simulated firm runs on simulated time (and a real platform's
     * journal follows the wall clock less the lateness window). Only an empty journal has no time
     * of its own: then the clock's.
     */
    public Instant firmNow() {
        Instant journalTime = publishedJournalTime;
        return journalTime != null ? journalTime : clock.instant();
    }

    /** The configuration as of the journal's end (every document imported so far). */
    public FirmConfig config() {
        return config;
    }

    // ---- the writer thread -------------------------------------------------------------------------

    private void recover() {
        configSources.clear();
        lastConfigId = 0;
        for (ConfigDocument document : store.configDocuments()) {
            configSources.add(new ConfigSource(document.sourceName(), document.yaml()));
            lastConfigId = document.id();
        }
        config = configSources.isEmpty() ? NO_PROGRAMS : ConfigReader.merge(configSources);
        admission = new AdmissionCheck(config);
        EventLineParser parser = new EventLineParser();
        store.readAccountEvents(line -> admission.record(parse(parser, line)));
        JournalStore.Position position = store.lastPosition();
        sequencer = new Sequencer(settings.latenessWindow().toNanos(), position.seq(), position.time());
        lastReceivedSeq = store.lastReceivedSeq();
        publishedJournalTime = position.time();
        long due = System.nanoTime() - settings.latenessWindow().toNanos();
        for (JournalStore.StoredEvent stored : store.unjournaledEvents()) {
            sequencer.hold(new AcceptedEvent(stored.receivedSeq(), parse(parser, stored.line()), stored.line(),
                    stored.source(), stored.receivedAt()), due);
        }
    }

    static Event parse(EventLineParser parser, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length);
    }

    private void run() {
        List<Submission> batch = new ArrayList<>();
        while (running) {
            try {
                awaitWork(batch);
                writeRound(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                log.error("Journal round failed; its requests were refused and the writer reloads its state", e);
                recover();
            } finally {
                batch.clear();
            }
        }
    }

    private void awaitWork(List<Submission> batch) throws InterruptedException {
        long waitNanos = Math.min(sequencer.nextReleaseNanos() - System.nanoTime(),
                settings.wallClock() ? settings.clockTick().toNanos() : TimeUnit.MILLISECONDS.toNanos(200));
        Submission first = waitNanos > 0 ? queue.poll(waitNanos, TimeUnit.NANOSECONDS) : queue.poll();
        int lines = 0;
        for (Submission next = first; next != null; next = lines < MAX_LINES_PER_COMMIT ? queue.poll() : null) {
            batch.add(next);
            lines += next.size();
        }
    }

    private void writeRound(List<Submission> batch) {
        Round round = new Round();
        try {
            for (Submission submission : batch) {
                switch (submission) {
                    case Lines lines -> accept(lines, round);
                    case ImportConfig importConfig -> importConfig(importConfig, round);
                }
            }
            round.entries.addAll(sequencer.release(System.nanoTime()));
            tickClock(round);
            if (!round.isEmpty()) {
                transaction.executeWithoutResult(status -> {
                    round.documents.forEach(store::insertConfig);
                    store.insertEvents(round.accepted);
                    store.insertRejected(round.rejected);
                    store.insertJournal(round.entries);
                });
            }
        } catch (RuntimeException e) {
            batch.forEach(submission -> failed(submission, e));
            throw e;
        }
        publishedJournalTime = sequencer.journalTime();
        round.answers.forEach(Runnable::run);
        countLate(round.entries);
        if (!round.entries.isEmpty()) {
            listener.journaled(round.entries);
        }
    }

    private static void failed(Submission submission, RuntimeException e) {
        switch (submission) {
            case Lines lines -> lines.done().completeExceptionally(e);
            case ImportConfig importConfig -> importConfig.done().completeExceptionally(e);
        }
    }

    private void accept(Lines lines, Round round) {
        Instant now = clock.instant();
        long nowNanos = System.nanoTime();
        Set<String> known = store.knownIds(lines.lines().stream()
                .filter(line -> line.event() != null && line.event().id() != null)
                .map(line -> line.event().id()).toList());
        Set<String> seen = new HashSet<>();
        List<LineOutcome> outcomes = new ArrayList<>(lines.size());
        for (IncomingLine line : lines.lines()) {
            String reason = line.error();
            if (reason == null && line.event().id() == null) {
                reason = "an id is required: the server's ingest is idempotent by event id";
            }
            if (reason != null) {
                outcomes.add(LineOutcome.rejected(line, reason));
                round.rejected.add(new RejectedLine(now, lines.source(), line.number(), line.text(), reason));
                continue;
            }
            String id = line.event().id();
            if (known.contains(id) || !seen.add(id)) {
                outcomes.add(LineOutcome.duplicate(line));
                continue;
            }
            reason = admission.admit(line.event());
            if (reason != null) {
                seen.remove(id); // a corrected resend is accepted
                outcomes.add(LineOutcome.rejected(line, reason));
                round.rejected.add(new RejectedLine(now, lines.source(), line.number(), line.text(), reason));
                continue;
            }
            AcceptedEvent accepted = new AcceptedEvent(++lastReceivedSeq, line.event(), line.text(), lines.source(), now);
            round.accepted.add(accepted);
            sequencer.hold(accepted, nowNanos);
            outcomes.add(LineOutcome.accepted(line));
        }
        count(outcomes);
        round.answers.add(() -> lines.done().complete(outcomes));
    }

    private void count(List<LineOutcome> outcomes) {
        for (LineOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case ACCEPTED -> acceptedEvents.increment();
                case DUPLICATE -> duplicateEvents.increment();
                case REJECTED -> rejectedEvents.increment();
            }
        }
    }

    private void importConfig(ImportConfig request, Round round) {
        List<ConfigSource> sources = new ArrayList<>(configSources);
        sources.add(new ConfigSource(request.sourceName(), request.yaml()));
        FirmConfig merged;
        try {
            merged = ConfigReader.merge(sources);
        } catch (ConfigException e) {
            round.answers.add(() -> request.done().completeExceptionally(e));
            return;
        }
        long id = ++lastConfigId;
        configSources.add(sources.getLast());
        config = merged;
        admission.configure(merged);
        round.documents.add(new ConfigDocument(id, clock.instant(), request.importedBy(), request.sourceName(), request.yaml()));
        JournalEntry entry = sequencer.configChanged(id, merged);
        round.entries.add(entry);
        round.answers.add(() -> request.done().complete(new ConfigImported(id, entry.seq(), merged)));
    }

    /** On the wall clock, a {@code clock} event at wall time less the window, when nothing is held. */
    private void tickClock(Round round) {
        if (!settings.wallClock() || sequencer.heldCount() > 0) {
            return;
        }
        // Event times carry at most milliseconds (spec/events.md): the journal must hold what its lines say.
        Instant tick = clock.instant().minus(settings.latenessWindow()).truncatedTo(ChronoUnit.MILLIS);
        Instant journalTime = sequencer.journalTime();
        if ((journalTime != null && tick.isBefore(journalTime.plus(settings.clockTick())))
                || (lastClockTick != null && tick.isBefore(lastClockTick.plus(settings.clockTick())))) {
            return;
        }
        lastClockTick = tick;
        Event.Clock event = new Event.Clock(tick, "clock-" + tick);
        AcceptedEvent accepted = new AcceptedEvent(++lastReceivedSeq, event, EventWriter.line(event), CLOCK_SOURCE,
                clock.instant());
        round.accepted.add(accepted);
        round.entries.add(sequencer.journal(accepted));
    }

    private void countLate(List<JournalEntry> entries) {
        for (JournalEntry entry : entries) {
            if (entry instanceof JournalEntry.Journaled journaled && journaled.late()) {
                lateEvents.increment();
            }
        }
    }
}
