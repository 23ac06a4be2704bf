package dev.propos.engine.account;

import dev.propos.engine.config.Phase;
import dev.propos.engine.money.Money;
import dev.propos.engine.rule.Rule;
import dev.propos.engine.rule.Rule.AppliesTo;
import dev.propos.engine.rule.Rule.Consistency;
import dev.propos.engine.rule.Rule.ConsistencyBasis;
import dev.propos.engine.rule.Rule.ConsistencyMode;
import dev.propos.engine.rule.Rule.DayCount;
import dev.propos.engine.rule.Rule.MinTradingDays;
import dev.propos.engine.rule.Rule.ProfitTarget;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The objective rules of a phase, which block rather than breach: the profit target (raised by
 * {@code consistency} in {@code raise_target} mode), {@code min_trading_days} and
 * {@code consistency}, judged over the whole phase (a pass) or the payout period (a payout).
 */
final class Objectives implements Serializable {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Phase phase;
    private final List<Rule> rules;
    private final long initialCents;

    Objectives(Phase phase, long initialCents) {
        this.phase = phase;
        this.rules = phase.rules();
        this.initialCents = initialCents;
    }

    /** The distinct day-profit thresholds the phase's {@code count: profitable} rules compare days with. */
    static long[] profitThresholdsCents(Phase phase, long initialCents) {
        return phase.rules().stream()
                .filter(rule -> rule instanceof MinTradingDays days && days.count() == DayCount.PROFITABLE)
                .mapToLong(rule -> Money.percentOf(((MinTradingDays) rule).minDayProfitPercent(), initialCents))
                .distinct().toArray();
    }

    /** The profit target, raised by {@code consistency} in {@code raise_target} mode. */
    long targetCents(ProfitTarget target, DayLedger phaseDays) {
        long cents = baseTargetCents(target);
        for (Rule rule : rules) {
            if (rule instanceof Consistency consistency && consistency.mode() == ConsistencyMode.RAISE_TARGET) {
                long raised = BigDecimal.valueOf(phaseDays.bestDayCents()).multiply(HUNDRED)
                        .divide(consistency.maxDayPercent(), 0, RoundingMode.CEILING).longValueExact();
                cents = Math.max(cents, raised);
            }
        }
        return cents;
    }

    /** Whether a blocking rule of the scope holds the pass (or payout) back, judged on {@code days}. */
    boolean blocked(AppliesTo scope, DayLedger days) {
        return blockedByTradingDays(scope, days) || blockedByConsistency(scope, days);
    }

    boolean blockedByTradingDays(AppliesTo scope, DayLedger days) {
        for (Rule rule : rules) {
            if (rule instanceof MinTradingDays minDays && minDays.appliesTo() == scope
                    && countDays(minDays, days) < minDays.days()) {
                return true;
            }
        }
        return false;
    }

    boolean blockedByConsistency(AppliesTo scope, DayLedger days) {
        for (Rule rule : rules) {
            if (rule instanceof Consistency consistency && consistency.appliesTo() == scope
                    && consistency.mode() == ConsistencyMode.BLOCK && !holds(consistency, days)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@code consistency} rule holds on {@code days} (total above zero, best day within its share). */
    static boolean holds(Consistency rule, DayLedger days) {
        long total = rule.of() == ConsistencyBasis.NET ? days.netTotalCents() : days.positiveTotalCents();
        if (total <= 0) {
            return false;
        }
        int comparison = BigDecimal.valueOf(days.bestDayCents()).multiply(HUNDRED)
                .compareTo(rule.maxDayPercent().multiply(BigDecimal.valueOf(total)));
        return rule.inclusive() ? comparison <= 0 : comparison < 0;
    }

    /**
     * The largest best day, in cents, with which a {@code consistency} rule in {@code block} mode
     * holds on a total of {@code totalCents} (when that total is above zero): {@code best_day ≤ X% ×
     * total} is {@code best_day ≤ floor(X% × total)} for a whole number of cents, and {@code <} is
     * {@code ≤ ceil(X% × total) − 1}. Exactly {@link #holds}'s comparison, in cents.
     */
    static long largestBestDayCents(Consistency rule, long totalCents) {
        BigDecimal share = rule.maxDayPercent().multiply(BigDecimal.valueOf(totalCents))
                .divide(HUNDRED, 0, rule.inclusive() ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return rule.inclusive() ? share.longValueExact() : share.longValueExact() - 1;
    }

    /**
     * The largest best day, in cents, with which a {@code consistency} rule in {@code raise_target}
     * mode leaves a target of {@code targetCents} as it is: {@code ceil(best × 100 ÷ X) > T} exactly
     * when {@code best > floor(T × X ÷ 100)}.
     */
    static long largestUnraisingBestDayCents(Consistency rule, long targetCents) {
        return BigDecimal.valueOf(targetCents).multiply(rule.maxDayPercent())
                .divide(HUNDRED, 0, RoundingMode.FLOOR).longValueExact();
    }

    /** The profit target as configured, before {@code consistency} raises it. */
    long baseTargetCents(ProfitTarget target) {
        return target.target().centsOf(initialCents);
    }

    /** The days {@code rule} counts in {@code days}. */
    int countDays(MinTradingDays rule, DayLedger days) {
        return rule.count() == DayCount.OPENED
                ? days.openedDays()
                : days.profitableDays(Money.percentOf(rule.minDayProfitPercent(), initialCents));
    }

    /** Trading days as the phase's first {@code min_trading_days} counts them (opening days without one). */
    int tradingDays(DayLedger days) {
        MinTradingDays rule = phase.first(MinTradingDays.class);
        return rule == null ? days.openedDays() : countDays(rule, days);
    }
}
