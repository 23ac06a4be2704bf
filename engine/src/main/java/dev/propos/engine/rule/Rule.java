package dev.propos.engine.rule;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** One rule entry of a phase (spec/programs.md, "Rules"), with all its parameters resolved. */
public sealed interface Rule extends Serializable {

    /** The rule's name as configured and as printed in decisions. */
    String name();

    /** How violations are enforced; null for objective rules (target, days, consistency). */
    default Enforcement enforcement() {
        return null;
    }

    enum ProfitMeasure { BALANCE, EQUITY }

    enum DailyBase { BALANCE, EQUITY, MAX, PEAK_EQUITY }

    enum DailyAmountOf { INITIAL, BASE }

    enum MaxLossMode { STATIC, TRAILING_EOD, TRAILING_BALANCE, TRAILING_EQUITY }

    enum MaxLossAmountOf { INITIAL, HIGH_WATER }

    enum LossMeasure { EQUITY, BALANCE, LOWER }

    enum OnPayout { KEEP, LOWER_HIGH_WATER, FLOOR_AT_INITIAL }

    enum DayCount { OPENED, PROFITABLE }

    enum AppliesTo { PASS, PAYOUT }

    enum ConsistencyBasis { NET, POSITIVE }

    enum ConsistencyMode { BLOCK, RAISE_TARGET }

    enum LotsPer { POSITION, SYMBOL, ACCOUNT }

    enum NewsScope { OPEN_OR_CLOSE, OPEN_AND_CLOSE }

    record ProfitTarget(LimitAmount target, ProfitMeasure measure, boolean requireFlat) implements Rule {
        @Override
        public String name() {
            return "profit_target";
        }
    }

    record DailyLoss(LimitAmount limit, DailyBase base, DailyAmountOf of, boolean inclusive,
                     Enforcement enforcement) implements Rule {
        @Override
        public String name() {
            return "daily_loss";
        }
    }

    /** {@code lockAtCents} is null when the floor is not capped. */
    record MaxLoss(LimitAmount limit, MaxLossMode mode, Long lockAtCents, MaxLossAmountOf of, LossMeasure measure,
                   OnPayout onPayout, boolean inclusive, Enforcement enforcement) implements Rule {
        @Override
        public String name() {
            return "max_loss";
        }
    }

    record MinTradingDays(int days, DayCount count, BigDecimal minDayProfitPercent, AppliesTo appliesTo)
            implements Rule {
        @Override
        public String name() {
            return "min_trading_days";
        }
    }

    record TimeLimit(int days, Enforcement enforcement) implements Rule {
        @Override
        public String name() {
            return "time_limit";
        }
    }

    record Inactivity(int days, Enforcement enforcement) implements Rule {
        @Override
        public String name() {
            return "inactivity";
        }
    }

    record Consistency(BigDecimal maxDayPercent, ConsistencyBasis of, boolean inclusive, ConsistencyMode mode,
                       AppliesTo appliesTo) implements Rule {
        @Override
        public String name() {
            return "consistency";
        }
    }

    /** {@code symbols} empty: every symbol. */
    record MaxLots(BigDecimal lots, LotsPer per, Set<String> symbols, Enforcement enforcement) implements Rule {
        public MaxLots {
            symbols = Set.copyOf(symbols);
        }

        @Override
        public String name() {
            return "max_lots";
        }
    }

    record MaxOpenPositions(int positions, Enforcement enforcement) implements Rule {
        @Override
        public String name() {
            return "max_open_positions";
        }
    }

    record NewsRestriction(int beforeMinutes, int afterMinutes, Set<dev.propos.engine.event.Impact> impacts,
                           NewsScope appliesTo, Enforcement enforcement) implements Rule {
        public NewsRestriction {
            impacts = Set.copyOf(impacts);
        }

        @Override
        public String name() {
            return "news";
        }
    }

    record WeekendHolding(DayOfWeek cutoffDay, LocalTime cutoffTime, Enforcement enforcement) implements Rule {
        @Override
        public String name() {
            return "weekend_holding";
        }
    }

    /** {@code maxRiskPercent} is null when the risk is not limited. */
    record StopLossRequired(int withinSeconds, BigDecimal maxRiskPercent, Enforcement enforcement) implements Rule {
        @Override
        public String name() {
            return "stop_loss_required";
        }
    }

    record MinTradeDuration(int seconds, Enforcement enforcement) implements Rule {
        @Override
        public String name() {
            return "min_trade_duration";
        }
    }
}
