package dev.propos.server.reactions;

/**
 * What must hold before a trader's funded account is created (identity verification): the
 * creation waits, planned but not carried out, until {@link ReactionRelease#release} is called
 * with the same key.
 */
public interface FundedAccountGate {

    /** The key the creation waits for, or null when the trader may be funded now. */
    String waitFor(String trader);
}
