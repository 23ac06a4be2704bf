package dev.propos.server.reactions;

import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.event.Event;
import dev.propos.engine.money.Money;
import dev.propos.formats.event.EventLineParser;
import dev.propos.platform.PlatformCommand;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Enrolls a trader into a program: the platform account is created (a reaction, retried like any
 * other), then the account is started in the engine at the first phase of the program's version.
 */
@Service
public class Enrollments {

    /**
     * An enrollment as planned, with how its platform account's creation goes: {@code status}
     * {@code pending} (being tried), {@code done} (created; the account starts in the engine once its
     * {@code account_started} is evaluated) or {@code failed} (the platform refused it for good).
     */
    public record Enrollment(String account, String trader, String program, Integer version, String phase,
                             BigDecimal fee, Instant requestedAt, String status, int attempts, String lastError) {
    }

    private final ReactionStore store;
    private final ReactionWorker worker;
    private final FundedAccountGate fundedGate;

    Enrollments(ReactionStore store, ReactionWorker worker, FundedAccountGate fundedGate) {
        this.store = store;
        this.worker = worker;
        this.fundedGate = fundedGate;
    }

    /** Plans the enrollment of {@code trader} as {@code account}; the request id makes a retried request harmless. */
    public void enroll(String account, String trader, Program program, BigDecimal fee, Instant requestedAt) {
        Phase first = program.firstPhase();
        PlatformCommand.CreateAccount create = new PlatformCommand.CreateAccount("enroll-" + account, account, trader,
                program.currency(), Money.toDecimal(program.initialBalanceCents()), program.id(), first.id(),
                first.funded());
        Event.AccountStarted start = new Event.AccountStarted(requestedAt, "start-" + account, account, null, program.id(),
                program.version(), first.id(), null, trader, fee);
        openAccount(create, start);
    }

    /** Plans an account's creation on the platform, then its start in the engine. */
    public void openAccount(PlatformCommand.CreateAccount create, Event.AccountStarted start) {
        String waitsFor = create.funded() ? fundedGate.waitFor(create.trader()) : null;
        store.insert(List.of(new PlannedReaction(null, null, create.account(), create, start, waitsFor)));
        wakeWorkerOnceStored();
    }

    /** The enrollment of {@code account}, if it was enrolled (rather than started by a platform or a passed phase). */
    public Optional<Enrollment> of(String account) {
        return store.enrollment(account).map(Enrollments::enrollment);
    }

    /** Enrollments whose platform account is not created yet, by account. */
    public List<Enrollment> open() {
        return store.openEnrollments().stream().map(Enrollments::enrollment).toList();
    }

    private static Enrollment enrollment(ReactionStore.Reaction reaction) {
        byte[] line = reaction.thenJournal().getBytes(StandardCharsets.UTF_8);
        Event.AccountStarted start = (Event.AccountStarted) new EventLineParser().parse(line, 0, line.length);
        return new Enrollment(reaction.account(), start.trader(), start.program(), start.version(), start.phase(),
                start.fee(), start.time(), reaction.status(), reaction.attempts(), reaction.lastError());
    }

    /** Inside a transaction the worker would look before the commit and find nothing: wake it after. */
    private void wakeWorkerOnceStored() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wakeUp();
                }
            });
        } else {
            worker.wakeUp();
        }
    }
}
