package dev.propos.engine.market;

import java.io.Serializable;

/**
 * What the trigger router did, counted since it was made: for benchmarks, which compare work per
 * quote rather than seconds on a shared machine. Counting changes no decision.
 */
public final class Counts implements Serializable {

    /** Heap entries popped because a quote crossed them, and how many of those were stale. */
    long pops;
    long stalePops;
    /** Heap entries pushed. */
    long pushes;
    /** Triggers placed because the account changed (its update). */
    long placements;
    /** Updates that found nothing the account's triggers rest on changed, and kept them. */
    long keptArmed;
    /** Crossed triggers whose account the exact check found quiet: placed anew, not revalued. */
    long rearms;
    /** Accounts whose crossed triggers sent them to the engine to revalue (the always-revalued not counted). */
    long revaluations;

    /** An immutable copy of the counts. */
    public record Snapshot(long pops, long stalePops, long pushes, long placements, long keptArmed,
                           long rearms, long revaluations) {

        /** The counts accumulated since {@code earlier}. */
        public Snapshot since(Snapshot earlier) {
            return new Snapshot(pops - earlier.pops, stalePops - earlier.stalePops,
                    pushes - earlier.pushes, placements - earlier.placements, keptArmed - earlier.keptArmed,
                    rearms - earlier.rearms,
                    revaluations - earlier.revaluations);
        }
    }

    Snapshot snapshot() {
        return new Snapshot(pops, stalePops, pushes, placements, keptArmed, rearms, revaluations);
    }
}
