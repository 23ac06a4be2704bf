package dev.propos.server.evaluation;

import java.util.List;

/** Told of new decisions once they are recorded, on the engine's thread: queue work, never block. */
public interface DecisionListener {

    void decided(List<RecordedDecision> decisions);
}
