package dev.propos.server.reactions;

import dev.propos.engine.event.Event;
import dev.propos.formats.event.EventLineParser;
import dev.propos.platform.CommandOutcome;
import dev.propos.platform.PlatformCommand;
import dev.propos.platform.PlatformException;
import dev.propos.platform.TradingPlatform;
import dev.propos.server.evaluation.DecisionListener;
import dev.propos.server.evaluation.RecordedDecision;
import dev.propos.server.journal.EventTimes;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.journal.LineOutcome;
import dev.propos.server.runtime.FirmParticipant;
import dev.propos.server.threads.RoundWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Carries out pending reactions through the platform, in the order they were planned, one at a
 * time. A platform failure is retried later with a growing delay (a retryable one) or fails the
 * reaction (a permanent one, or too many attempts); a success is recorded with the platform's
 * outcome, and a created account is then started in the engine. The platform deduplicates on the
 * command id, so a command retried after a crash between execution and record does not act twice.
 */
@Component
@Order(20)
class ReactionWorker implements FirmParticipant, DecisionListener {

    private static final Logger log = LoggerFactory.getLogger(ReactionWorker.class);

    private final ReactionStore store;
    private final TradingPlatform platform;
    private final JournalWriter journal;
    private final ReactionSettings settings;
    private final Clock clock;
    private final Counter executed;
    private final Counter failures;
    private final Counter givenUp;
    private final RoundWorker worker;

    ReactionWorker(ReactionStore store, TradingPlatform platform, JournalWriter journal, ReactionSettings settings,
                   Clock clock, MeterRegistry meters) {
        this.store = store;
        this.platform = platform;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
        this.worker = new RoundWorker("reactions", settings.pollInterval(), this::round);
        this.executed = meters.counter("propos.reactions", "outcome", "done");
        this.failures = meters.counter("propos.reactions.failures");
        this.givenUp = meters.counter("propos.reactions", "outcome", "failed");
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public void decided(List<RecordedDecision> decisions) {
        worker.wakeUp();
    }

    /** Asks the worker to look for due reactions now (an operator's request was stored). */
    void wakeUp() {
        worker.wakeUp();
    }

    /** Carries out every due reaction, as long as the platform takes them. */
    private void round() {
        for (List<ReactionStore.Reaction> due = store.due(100); !due.isEmpty() && worker.isRunning(); due = store.due(100)) {
            due.forEach(this::execute);
        }
    }

    private void execute(ReactionStore.Reaction reaction) {
        int attempts = reaction.attempts() + 1;
        PlatformCommand command = ReactionCodec.read(reaction.kind(), reaction.command());
        try {
            CommandOutcome outcome = platform.execute(command);
            if (reaction.thenJournal() != null) {
                journalFollowUp(reaction.thenJournal());
            }
            store.done(reaction.commandId(), attempts, outcome.detail());
            executed.increment();
        } catch (PlatformException e) {
            failures.increment();
            if (!e.retryable() || attempts >= settings.maxAttempts()) {
                store.failed(reaction.commandId(), attempts, e.getMessage());
                givenUp.increment();
                log.error("Reaction {} on account {} failed for good after {} attempts: {}", reaction.commandId(),
                        reaction.account(), attempts, e.getMessage());
            } else {
                Instant next = clock.instant().plus(settings.retryAfter(attempts));
                store.retryLater(reaction.commandId(), attempts, e.getMessage(), next);
                log.warn("Reaction {} on account {} failed (attempt {}), retried at {}: {}", reaction.commandId(),
                        reaction.account(), attempts, next, e.getMessage());
            }
        }
    }

    /** Journals the follow-up event at the journal's time; its id makes a second attempt a duplicate. */
    private void journalFollowUp(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Event event = new EventLineParser().parse(bytes, 0, bytes.length);
        Instant journalTime = journal.journalTime();
        if (journalTime != null && journalTime.isAfter(event.time())) {
            event = EventTimes.withTime(event, journalTime);
        }
        List<LineOutcome> outcomes = journal.submitEvents("reactions", List.of(event)).join();
        LineOutcome outcome = outcomes.getFirst();
        if (outcome.status() == LineOutcome.Status.REJECTED) {
            throw new IllegalStateException("the follow-up event was refused: " + outcome.reason());
        }
    }
}
