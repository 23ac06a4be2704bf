package dev.propos.server.payouts;

import dev.propos.engine.Engine;
import dev.propos.engine.decision.Decision;
import dev.propos.server.evaluation.DecisionListener;
import dev.propos.server.evaluation.DecisionRecorder;
import dev.propos.server.evaluation.RecordedDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records each payout the engine answers, in the engine's transaction: approved ones as
 * {@link PayoutState#CHECKED} (the engine has reserved the amount), refused ones with the engine's
 * reasons. The workflow takes them on from there, off the engine's thread.
 */
@Component
class PayoutRecorder implements DecisionRecorder, DecisionListener {

    private final PayoutStore store;
    private final JdbcClient jdbc;
    private final PayoutWorkflow workflow;
    private final Clock clock;

    PayoutRecorder(PayoutStore store, JdbcClient jdbc, PayoutWorkflow workflow, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.clock = clock;
    }

    @Override
    public void record(List<RecordedDecision> decisions, Engine engine) {
        Instant now = clock.instant();
        for (RecordedDecision recorded : decisions) {
            if (recorded.decision() instanceof Decision.PayoutDecision answer) {
                Engine.AccountInfo info = engine.accountInfo(answer.account());
                String request = jdbc.sql("select e.event_id from journal j join events e using (received_seq) where j.seq = ?")
                        .param(recorded.seq()).query(String.class).optional().orElse(null);
                store.insert(new Payout(id(recorded), answer.account(), info == null ? "" : info.program().id(),
                        info == null ? null : info.trader(),
                        info == null ? "USD" : info.program().currency(), answer.amountCents(),
                        answer.traderShareCents(), answer.firmShareCents(), answer.feeRefundCents(),
                        answer.approved() ? PayoutState.CHECKED : PayoutState.REFUSED,
                        answer.approved() ? null : String.join(", ", answer.reasons()), request, answer.time(), null, 0,
                        null, null, now, now, null), "engine");
            }
        }
    }

    @Override
    public void decided(List<RecordedDecision> decisions) {
        if (decisions.stream().anyMatch(d -> d.decision() instanceof Decision.PayoutDecision)) {
            workflow.wakeUp();
        }
    }

    /** A payout's id is its engine answer's journal place: stable across replays. */
    static String id(RecordedDecision recorded) {
        return "P" + recorded.seq() + "-" + recorded.ordinal();
    }
}
