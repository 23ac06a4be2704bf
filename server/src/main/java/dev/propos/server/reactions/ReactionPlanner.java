package dev.propos.server.reactions;

import dev.propos.engine.Engine;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.engine.money.Money;
import dev.propos.platform.PlatformCommand;
import dev.propos.server.evaluation.DecisionRecorder;
import dev.propos.server.evaluation.RecordedDecision;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns decisions into the platform commands that carry them out (issue: "decisions that act"):
 * a failed account is closed out and disabled; a paused one too, and enabled again when it
 * resumes; a {@code close_position} violation closes that position; a passed phase gets the next
 * phase's account. Each command's id derives from its decision's journal place, so planning the
 * same decision twice (a replay) stores nothing new, and the platform can deduplicate on it.
 */
@Component
class ReactionPlanner implements DecisionRecorder {

    private final ReactionStore store;
    private final Notifications notifications;
    private final FundedAccountGate fundedGate;

    ReactionPlanner(ReactionStore store, Notifications notifications, FundedAccountGate fundedGate) {
        this.store = store;
        this.notifications = notifications;
        this.fundedGate = fundedGate;
    }

    @Override
    public void record(List<RecordedDecision> decisions, Engine engine) {
        List<PlannedReaction> planned = new ArrayList<>();
        for (RecordedDecision recorded : decisions) {
            plan(recorded, engine, planned);
            notifications.record(recorded, engine);
        }
        store.insert(planned);
    }

    private void plan(RecordedDecision recorded, Engine engine, List<PlannedReaction> planned) {
        String prefix = "r" + recorded.seq() + "-" + recorded.ordinal() + "-";
        switch (recorded.decision()) {
            case Decision.Breach breach -> {
                add(planned, recorded, new PlatformCommand.CloseAllPositions(prefix + "close-all", breach.account()));
                add(planned, recorded, new PlatformCommand.DisableAccount(prefix + "disable", breach.account()));
            }
            case Decision.Resumed resumed ->
                    add(planned, recorded, new PlatformCommand.EnableAccount(prefix + "enable", resumed.account()));
            case Decision.Violation violation when "close_position".equals(violation.consequence())
                    && violation.position() != null ->
                    add(planned, recorded, new PlatformCommand.ClosePosition(prefix + "close", violation.account(),
                            violation.position(), null));
            case Decision.PhasePassed passed -> {
                var info = engine.accountInfo(passed.account());
                Program program = info.program();
                Phase next = program.phase(passed.nextPhase());
                // the passed account has done its job: it trades no more
                add(planned, recorded, new PlatformCommand.DisableAccount(prefix + "disable", passed.account()));
                if (next != null) {
                    String account = NextPhaseAccounts.id(passed.account(), next.id());
                    PlatformCommand create = new PlatformCommand.CreateAccount(prefix + "create", account,
                            info.trader(), program.currency(), Money.toDecimal(program.initialBalanceCents()),
                            program.id(), next.id(), next.funded());
                    Event start = new Event.AccountStarted(passed.time(), "start-" + account, account,
                            passed.account(), null, null, null, null, null, null);
                    String waitsFor = next.funded() ? fundedGate.waitFor(info.trader()) : null;
                    planned.add(new PlannedReaction(recorded.seq(), recorded.ordinal(), passed.account(), create, start,
                            waitsFor));
                }
            }
            default -> {
            }
        }
    }

    private static void add(List<PlannedReaction> planned, RecordedDecision recorded, PlatformCommand command) {
        planned.add(new PlannedReaction(recorded.seq(), recorded.ordinal(), command.account(), command, null));
    }
}
