package dev.propos.server.reactions;

import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.event.Event;
import dev.propos.engine.money.Money;
import dev.propos.platform.PlatformCommand;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Enrolls a trader into a program: the platform account is created (a reaction, retried like any
 * other), then the account is started in the engine at the first phase of the program's version.
 */
@Service
public class Enrollments {

    private final ReactionStore store;
    private final ReactionWorker worker;

    Enrollments(ReactionStore store, ReactionWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    /** Plans the enrollment of {@code trader} as {@code account}; the request id makes a retried request harmless. */
    public void enroll(String account, String trader, Program program, BigDecimal fee, Instant requestedAt) {
        Phase first = program.firstPhase();
        PlatformCommand.CreateAccount create = new PlatformCommand.CreateAccount("enroll-" + account, account, trader,
                program.currency(), Money.toDecimal(program.initialBalanceCents()), program.id(), first.id(),
                first.funded());
        Event.AccountStarted start = new Event.AccountStarted(requestedAt, "start-" + account, account, null, program.id(),
                program.version(), first.id(), null, trader, fee);
        open(create, start);
    }

    /** Plans an account's creation on the platform, then its start in the engine. */
    public void open(PlatformCommand.CreateAccount create, Event.AccountStarted start) {
        store.insert(List.of(new PlannedReaction(null, null, create.account(), create, start)));
        worker.wakeUp();
    }
}
