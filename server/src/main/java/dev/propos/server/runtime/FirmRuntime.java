package dev.propos.server.runtime;

import dev.propos.engine.decision.Decision;
import dev.propos.server.evaluation.EngineHost;
import dev.propos.server.journal.JournalWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the firm in the one safe order: the engine restores its state from the journal first, then
 * the journal opens for new events, and only then do platforms deliver. Stops in reverse.
 */
@Component
class FirmRuntime implements SmartLifecycle {

    private final EngineHost engine;
    private final JournalWriter journal;
    private final List<FirmParticipant> participants;
    private volatile boolean running;

    FirmRuntime(EngineHost engine, JournalWriter journal, List<FirmParticipant> participants) {
        this.engine = engine;
        this.journal = journal;
        this.participants = participants;
    }

    @Override
    public void start() {
        engine.start();
        List<String> finished = join(engine.read(e -> e.statuses().stream()
                .filter(status -> status.status().equals("passed") || status.status().equals("failed"))
                .map(Decision.AccountStatus::account)
                .toList()));
        journal.start(finished);
        participants.forEach(FirmParticipant::start);
        running = true;
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the engine did not answer", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        participants.reversed().forEach(FirmParticipant::stop);
        journal.stop();
        engine.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
