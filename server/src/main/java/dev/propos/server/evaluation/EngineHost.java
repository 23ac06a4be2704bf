package dev.propos.server.evaluation;

import dev.propos.server.threads.ServiceThread;
import dev.propos.engine.Engine;
import dev.propos.engine.EngineException;
import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.formats.config.ConfigReader;
import dev.propos.formats.config.ConfigSource;
import dev.propos.formats.event.EventLineParser;
import dev.propos.server.journal.AcceptedEvent;
import dev.propos.server.journal.JournalEntry;
import dev.propos.server.journal.JournalListener;
import dev.propos.server.journal.JournalStore;
import dev.propos.server.journal.JournalWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one engine of the firm. It evaluates the journal in order on its own thread, records every
 * decision in its journal place, and takes snapshots; on start it restores the latest snapshot and
 * replays the journal's tail, reaching exactly the state it had (the engine is deterministic).
 * Everything that reads the engine's state runs on that thread too ({@link #read}).
 */
@Component
public class EngineHost implements JournalListener {

    private static final Logger log = LoggerFactory.getLogger(EngineHost.class);

    private final JournalStore journal;
    private final DecisionStore decisionStore;
    private final SnapshotStore snapshots;
    private final TransactionTemplate transaction;
    // Resolved at start: reactions listen to the engine and also write to the journal it reads.
    private final ObjectProvider<DecisionRecorder> recorderBeans;
    private final ObjectProvider<DecisionListener> listenerBeans;
    private List<DecisionRecorder> recorders = List.of();
    private List<DecisionListener> listeners = List.of();
    private final EvaluationSettings settings;
    private final Clock clock;
    private final LinkedBlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private final Counter evaluatedEvents;
    private final Counter decisionsMade;
    private final Timer decisionLatency;
    private final Timer evaluationLag;

    // Owned by the engine thread.
    private final DecisionLines lines = new DecisionLines();
    private final List<Decision> pending = new ArrayList<>();
    private final EventLineParser parser = new EventLineParser();
    private Engine engine;
    private volatile long lastSeq;
    private volatile Instant evaluatedTime;
    private long lastSnapshotSeq;
    private final ServiceThread thread = ServiceThread.named("engine");
    private volatile boolean running;

    public EngineHost(JournalStore journal, DecisionStore decisionStore, SnapshotStore snapshots,
                      TransactionTemplate transaction, ObjectProvider<DecisionRecorder> recorders,
                      ObjectProvider<DecisionListener> listeners,
                      EvaluationSettings settings, Clock clock, MeterRegistry meters) {
        this.journal = journal;
        this.decisionStore = decisionStore;
        this.snapshots = snapshots;
        this.transaction = transaction;
        this.recorderBeans = recorders;
        this.listenerBeans = listeners;
        this.settings = settings;
        this.clock = clock;
        this.evaluatedEvents = meters.counter("propos.engine.events");
        this.decisionsMade = meters.counter("propos.engine.decisions");
        this.decisionLatency = Timer.builder("propos.decision.latency")
                .description("from an event's acknowledgement to the decisions it caused being recorded")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
        this.evaluationLag = Timer.builder("propos.ingest.lag")
                .description("from an event's acknowledgement to its evaluation")
                .publishPercentiles(0.5, 0.99).register(meters);
        meters.gauge("propos.engine.queue", work, LinkedBlockingQueue::size);
    }

    /** Restores the engine (latest snapshot, then the journal's tail) and starts evaluating. */
    public synchronized void start() {
        recorders = recorderBeans.orderedStream().toList();
        listeners = listenerBeans.orderedStream().toList();
        restore();
        running = true;
        thread.start(this::run);
    }

    public synchronized void stop() {
        running = false;
        thread.stop();
    }

    @Override
    public void journaled(List<JournalEntry> entries) {
        work.add(() -> evaluate(entries));
    }

    /** Runs {@code query} on the engine's thread, between journal entries, and gives its result. */
    public <T> CompletableFuture<T> read(Function<Engine, T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        work.add(() -> {
            try {
                result.complete(query.apply(engine));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The journal position the engine has evaluated up to (for tests and health). */
    public long lastSeq() {
        return lastSeq;
    }

    /**
     * The firm's time as far as the engine has evaluated: the journal time of the last event
     * evaluated, null before the first. Inside {@link #read} it is the time of the engine's state.
     */
    public Instant evaluatedTime() {
        return evaluatedTime;
    }

    // ---- restore ----------------------------------------------------------------------------------

    private void restore() {
        SnapshotStore.Restored restored = snapshots.latest(this::collect);
        Map<Long, ConfigSource> documents = new HashMap<>();
        List<ConfigSource> merged = new ArrayList<>();
        journal.configDocuments().forEach(d -> documents.put(d.id(), new ConfigSource(d.sourceName(), d.yaml())));
        if (restored != null) {
            engine = restored.engine();
            lastSeq = restored.seq();
            lastSnapshotSeq = restored.seq();
            log.info("Engine restored from the snapshot at journal entry {}", lastSeq);
        } else {
            engine = new Engine(JournalWriter.NO_PROGRAMS, this::collect);
            lastSeq = 0;
        }
        List<JournalEntry> batch = new ArrayList<>();
        long[] replayed = {0};
        journal.readJournal(lastSeq, stored -> {
            JournalEntry entry;
            if (stored.configId() != null) {
                merged.clear();
                documents.keySet().stream().sorted().filter(id -> id <= stored.configId())
                        .forEach(id -> merged.add(documents.get(id)));
                entry = new JournalEntry.ConfigChanged(stored.seq(), stored.journalTime(), stored.configId(),
                        ConfigReader.merge(merged));
            } else {
                JournalStore.StoredEvent event = stored.event();
                AcceptedEvent accepted = new AcceptedEvent(event.receivedSeq(), parse(event.line()), event.line(),
                        event.source(), event.receivedAt());
                entry = new JournalEntry.Journaled(stored.seq(), stored.journalTime(), stored.late(), accepted);
            }
            batch.add(entry);
            if (batch.size() == 10_000) {
                evaluate(List.copyOf(batch), false);
                replayed[0] += batch.size();
                batch.clear();
            }
        });
        evaluate(batch, false);
        replayed[0] += batch.size();
        if (evaluatedTime == null) {
            evaluatedTime = journal.lastPosition().time(); // the snapshot had the whole journal
        }
        log.info("Engine replayed {} journal entries, now at entry {}", replayed[0], lastSeq);
    }

    private Event parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length);
    }

    // ---- the engine thread ------------------------------------------------------------------------

    private void run() {
        while (running) {
            try {
                work.take().run();
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                // A failure to record decisions must not pass silently: stop, and let a restart replay.
                log.error("The engine host stopped: restart the server to replay from the journal", e);
                running = false;
            }
        }
    }

    private void collect(Decision decision) {
        pending.add(decision);
    }

    private void evaluate(List<JournalEntry> entries) {
        evaluate(entries, true);
    }

    private void evaluate(List<JournalEntry> entries, boolean live) {
        if (entries.isEmpty()) {
            return;
        }
        List<RecordedDecision> recorded = new ArrayList<>();
        List<DecisionStore.Voided> voided = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (entry.seq() <= lastSeq) {
                continue; // already evaluated (the tail read at start overlaps the first live entries)
            }
            pending.clear();
            switch (entry) {
                case JournalEntry.ConfigChanged changed -> engine.updateConfig(changed.config());
                case JournalEntry.Journaled journaled -> {
                    try {
                        engine.apply(journaled.event());
                        evaluatedEvents.increment();
                    } catch (EngineException e) {
                        voided.add(new DecisionStore.Voided(entry.seq(), e.getMessage()));
                        log.warn("Journal entry {} voided: {}", entry.seq(), e.getMessage());
                    }
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                recorded.add(new RecordedDecision(entry.seq(), i, pending.get(i), lines.line(pending.get(i))));
            }
            lastSeq = entry.seq();
            if (entry.journalTime() != null) {
                evaluatedTime = entry.journalTime();
            }
        }
        pending.clear();
        if (!recorded.isEmpty() || !voided.isEmpty()) {
            transaction.executeWithoutResult(status -> {
                decisionStore.insert(recorded);
                decisionStore.insertVoided(voided);
                recorders.forEach(recorder -> recorder.record(recorded, engine));
            });
        }
        if (live) {
            measure(entries, recorded);
            if (!recorded.isEmpty()) {
                decisionsMade.increment(recorded.size());
                listeners.forEach(listener -> listener.decided(recorded));
            }
        }
        if (lastSeq - lastSnapshotSeq >= settings.snapshotEvery()) {
            snapshots.save(engine, lastSeq);
            lastSnapshotSeq = lastSeq;
        }
    }

    private void measure(List<JournalEntry> entries, List<RecordedDecision> recorded) {
        long nowMillis = clock.millis();
        Map<Long, Long> ackMillisBySeq = new HashMap<>();
        for (JournalEntry entry : entries) {
            if (entry instanceof JournalEntry.Journaled journaled) {
                long ackMillis = journaled.accepted().receivedAt().toEpochMilli();
                evaluationLag.record(Duration.ofMillis(nowMillis - ackMillis));
                ackMillisBySeq.put(entry.seq(), ackMillis);
            }
        }
        for (RecordedDecision decision : recorded) {
            Long ackMillis = ackMillisBySeq.get(decision.seq());
            if (ackMillis != null) {
                decisionLatency.record(Duration.ofMillis(nowMillis - ackMillis));
            }
        }
    }
}
