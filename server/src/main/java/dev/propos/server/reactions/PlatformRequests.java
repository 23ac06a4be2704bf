package dev.propos.server.reactions;

import dev.propos.platform.PlatformCommand;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Platform commands PropOS decides on outside the engine's decisions (a payout's balance
 * adjustment): carried out like reactions, in the account's order, retried, never twice.
 */
@Component
public class PlatformRequests {

    private final ReactionStore store;
    private final ReactionWorker worker;

    PlatformRequests(ReactionStore store, ReactionWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    /** Plans {@code command}; one planned before with the same id is left as it is. */
    public void request(PlatformCommand command) {
        store.insert(List.of(new PlannedReaction(null, null, command.account(), command, null)));
        worker.wakeUp();
    }

    /** Whether the command with this id was carried out. */
    public boolean done(String commandId) {
        return store.status(commandId).map("done"::equals).orElse(false);
    }
}
