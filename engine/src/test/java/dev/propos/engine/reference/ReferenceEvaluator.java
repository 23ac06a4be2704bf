package dev.propos.engine.reference;

import dev.propos.engine.Engine;
import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.decision.Decision;
import java.util.function.Consumer;

/**
 * The oracle of the differential tests and the baseline of the benchmarks: the engine's rules
 * with no quote index and no trigger prices, so that every quote recomputes every account's
 * equity from its positions and evaluates every rule of every account.
 */
public final class ReferenceEvaluator {

    private ReferenceEvaluator() {
    }

    public static Engine create(FirmConfig config, Consumer<Decision> decisions) {
        return new Engine(config, decisions, new EveryAccountRouter());
    }
}
