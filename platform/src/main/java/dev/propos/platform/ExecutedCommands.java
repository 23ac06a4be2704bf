package dev.propos.platform;

import java.util.HashMap;
import java.util.Map;

/**
 * The outcomes of the commands a platform has carried out, by command id: what makes
 * {@link TradingPlatform#execute} idempotent. An adapter looks a command up before acting and
 * remembers its outcome after acting, both under the lock that serialises its commands.
 *
 * <p>Not thread-safe: the adapter's own lock guards it. Commands are few (a handful per account
 * and phase), so every id is kept for the life of the adapter.
 */
public final class ExecutedCommands {

    private final Map<String, CommandOutcome> outcomes = new HashMap<>();

    /** The first outcome of {@code commandId}, or null when it has not been executed. */
    public CommandOutcome outcomeOf(String commandId) {
        return outcomes.get(commandId);
    }

    /** Records the outcome of a command that acted; a second outcome for the same id is ignored. */
    public CommandOutcome remember(CommandOutcome outcome) {
        CommandOutcome first = outcomes.putIfAbsent(outcome.commandId(), outcome);
        return first != null ? first : outcome;
    }

    public int size() {
        return outcomes.size();
    }
}
