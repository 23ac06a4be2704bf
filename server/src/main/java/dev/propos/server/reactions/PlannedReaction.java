package dev.propos.server.reactions;

import dev.propos.engine.event.Event;
import dev.propos.platform.PlatformCommand;

/**
 * A platform command to carry out, on behalf of {@code account}: following from decision
 * ({@code seq}, {@code ordinal}), or from an operator's request when those are null. Once it
 * succeeds, {@code thenJournal} (if any) is journaled at the journal's time. One that
 * {@code waitsFor} a key is not carried out before {@link ReactionRelease#release} of that key.
 */
record PlannedReaction(Long seq, Integer ordinal, String account, PlatformCommand command, Event thenJournal,
                       String waitsFor) {

    PlannedReaction(Long seq, Integer ordinal, String account, PlatformCommand command, Event thenJournal) {
        this(seq, ordinal, account, command, thenJournal, null);
    }

    String kind() {
        return ReactionCodec.kind(command);
    }
}
