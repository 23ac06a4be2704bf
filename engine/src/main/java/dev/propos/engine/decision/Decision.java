package dev.propos.engine.decision;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the engine decides (spec/decisions.md). Money is in cents; optional evidence is null where
 * it does not apply.
 */
public sealed interface Decision {

    /** The instant the decision was made at; null only for {@code account_status}. */
    Instant time();

    /**
     * A rule failed or paused the account. {@code until} only for a pause, {@code strike} only with
     * {@code max_strikes}; the daily-loss and max-loss evidence only for those rules.
     */
    record Breach(Instant time, String account, String program, String phase, String rule, String consequence,
                  Measure value, Measure limit, Instant until, Integer strike, String position,
                  Long dayStartBalanceCents, Long dayStartEquityCents, Long baseValueCents, Long highWaterCents)
            implements Decision {
    }

    /** A soft rule was broken; {@code value} and {@code limit} are evidence. */
    record Violation(Instant time, String account, String program, String phase, String rule, String consequence,
                     String position, int strike, Measure value, Measure limit) implements Decision {
    }

    record Resumed(Instant time, String account) implements Decision {
    }

    record PhasePassed(Instant time, String account, String program, String phase, String nextPhase,
                       long balanceCents, int tradingDays) implements Decision {
    }

    record PayoutDecision(Instant time, String account, boolean approved, long amountCents, long traderShareCents,
                          long firmShareCents, long feeRefundCents, List<String> reasons, long eligibleCents)
            implements Decision {
        public PayoutDecision {
            reasons = List.copyOf(reasons);
        }
    }

    record RiskFlag(Instant time, String kind, List<String> accounts, int matches, List<MatchedPosition> evidence)
            implements Decision {
        public RiskFlag {
            accounts = List.copyOf(accounts);
            evidence = List.copyOf(evidence);
        }
    }

    record MatchedPosition(String account, String position, String symbol, String side, Instant openTime)
            implements Serializable {
    }

    /** The state of an account after the last event; a finished account shows its state when it finished. */
    record AccountStatus(String account, String program, String phase, String status, long balanceCents,
                         long equityCents, long dayStartBalanceCents, long dayStartEquityCents,
                         Long dailyLossFloorCents, Long maxLossFloorCents, Long highWaterCents, int tradingDays,
                         long bestDayCents, long totalProfitCents, long excludedProfitCents, int openPositions,
                         long payoutsTotalCents, long ignoredEvents) implements Decision {
        @Override
        public Instant time() {
            return null;
        }
    }
}
