package dev.propos.engine.config;

import java.io.Serializable;
import java.util.List;

/** A versioned, immutable product: what an account is evaluated against. */
public record Program(String id, int version, String name, String currency, long initialBalanceCents,
                     TradingDay tradingDay, List<Phase> phases) implements Serializable {

    public Program {
        phases = List.copyOf(phases);
    }

    /** The phase with the given id, or null. */
    public Phase phase(String phaseId) {
        for (Phase phase : phases) {
            if (phase.id().equals(phaseId)) {
                return phase;
            }
        }
        return null;
    }

    public Phase firstPhase() {
        return phases.getFirst();
    }
}
