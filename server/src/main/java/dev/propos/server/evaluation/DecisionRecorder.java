package dev.propos.server.evaluation;

import dev.propos.engine.Engine;
import java.util.List;

/**
 * Records what follows from decisions (reactions to carry out, say) in the same transaction as the
 * decisions themselves, so that neither is ever stored without the other. Runs on the engine's
 * thread, with the engine as it was right after the decisions; must be idempotent, as a replay after a
 * restart offers the same decisions again.
 */
public interface DecisionRecorder {

    void record(List<RecordedDecision> decisions, Engine engine);
}
