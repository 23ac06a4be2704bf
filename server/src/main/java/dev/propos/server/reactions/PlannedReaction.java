package dev.propos.server.reactions;

import dev.propos.engine.event.Event;
import dev.propos.platform.PlatformCommand;

/**
 * A platform command to carry out, on behalf of {@code account}: following from decision
 * ({@code seq}, {@code ordinal}), or from an operator's request when those are null. Once it
 * succeeds, {@code thenJournal} (if any) is journaled at the journal's time.
 */
record PlannedReaction(Long seq, Integer ordinal, String account, PlatformCommand command, Event thenJournal) {

    String kind() {
        return ReactionCodec.kind(command);
    }
}
