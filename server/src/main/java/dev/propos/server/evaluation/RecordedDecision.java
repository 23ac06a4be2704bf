package dev.propos.server.evaluation;

import dev.propos.engine.decision.Decision;

/**
 * A decision in its journal place: made while the engine applied entry {@code seq}, the
 * {@code ordinal}-th of that entry. The pair identifies it for good, so a replay after a restart
 * records nothing twice and reactions derive stable command ids from it.
 */
public record RecordedDecision(long seq, int ordinal, Decision decision, String line) {

    /** The account the decision is about, or null (a risk flag names several). */
    public String account() {
        return switch (decision) {
            case Decision.Breach d -> d.account();
            case Decision.Violation d -> d.account();
            case Decision.Resumed d -> d.account();
            case Decision.PhasePassed d -> d.account();
            case Decision.PayoutDecision d -> d.account();
            case Decision.AccountStatus d -> d.account();
            case Decision.RiskFlag d -> null;
        };
    }

    public String type() {
        return switch (decision) {
            case Decision.Breach d -> "breach";
            case Decision.Violation d -> "violation";
            case Decision.Resumed d -> "resumed";
            case Decision.PhasePassed d -> "phase_passed";
            case Decision.PayoutDecision d -> "payout_decision";
            case Decision.AccountStatus d -> "account_status";
            case Decision.RiskFlag d -> "risk_flag";
        };
    }
}
