package dev.propos.formats.config;

import static dev.propos.engine.rule.Consequence.CLOSE_POSITION;
import static dev.propos.engine.rule.Consequence.EXCLUDE_PROFIT;
import static dev.propos.engine.rule.Consequence.FAIL;
import static dev.propos.engine.rule.Consequence.FLAG;
import static dev.propos.engine.rule.Consequence.PAUSE;

import dev.propos.engine.event.Impact;
import dev.propos.engine.rule.LimitAmount;
import dev.propos.engine.rule.Rule;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads one rule entry, {@code { rule: NAME, ...parameters }}, resolving every default of programs.md. */
final class RuleReader {

    static final List<String> RULE_NAMES = List.of("profit_target", "daily_loss", "max_loss", "min_trading_days",
            "time_limit", "inactivity", "consistency", "max_lots", "max_open_positions", "news", "weekend_holding",
            "stop_loss_required", "min_trade_duration");

    private static final BigDecimal HALF_PERCENT = new BigDecimal("0.5");
    private static final LocalTime NINE_PM = LocalTime.of(21, 0);

    private RuleReader() {
    }

    static Rule read(Node node) {
        Fields entry = Fields.of(node, "rule entry");
        Node nameNode = entry.require("rule");
        String name = entry.string("rule", nameNode);
        Fields fields = entry.as("rule " + name);
        Rule rule = switch (name) {
            case "profit_target" -> profitTarget(fields);
            case "daily_loss" -> dailyLoss(fields);
            case "max_loss" -> maxLoss(fields);
            case "min_trading_days" -> minTradingDays(fields);
            case "time_limit" -> new Rule.TimeLimit(fields.positiveInteger("days"),
                    EnforcementReader.read(fields, List.of(FAIL)));
            case "inactivity" -> new Rule.Inactivity(fields.positiveInteger("days"),
                    EnforcementReader.read(fields, List.of(FAIL)));
            case "consistency" -> consistency(fields);
            case "max_lots" -> maxLots(fields);
            case "max_open_positions" -> new Rule.MaxOpenPositions(fields.positiveInteger("positions"),
                    EnforcementReader.read(fields, List.of(FLAG, FAIL, CLOSE_POSITION)));
            case "news" -> news(fields);
            case "weekend_holding" -> weekendHolding(fields);
            case "stop_loss_required" -> stopLossRequired(fields);
            case "min_trade_duration" -> new Rule.MinTradeDuration(fields.positiveInteger("seconds"),
                    EnforcementReader.read(fields, List.of(FLAG, EXCLUDE_PROFIT)));
            default -> throw nameNode.error("unknown rule '" + name + "' (known rules: "
                    + String.join(", ", RULE_NAMES) + ")");
        };
        fields.rejectUnknown();
        return rule;
    }

    private static Rule profitTarget(Fields fields) {
        EnforcementReader.rejectFor(fields);
        return new Rule.ProfitTarget(amount(fields), fields.choice("measure", Rule.ProfitMeasure.BALANCE),
                fields.bool("require_flat", true));
    }

    private static Rule dailyLoss(Fields fields) {
        return new Rule.DailyLoss(amount(fields), fields.choice("base", Rule.DailyBase.BALANCE),
                fields.choice("of", Rule.DailyAmountOf.INITIAL), fields.bool("inclusive", true),
                EnforcementReader.read(fields, List.of(FAIL, PAUSE)));
    }

    private static Rule maxLoss(Fields fields) {
        Long lockAtCents = fields.has("lock_at") ? fields.cents("lock_at") : null;
        return new Rule.MaxLoss(amount(fields), fields.choice("mode", Rule.MaxLossMode.STATIC), lockAtCents,
                fields.choice("of", Rule.MaxLossAmountOf.INITIAL), fields.choice("measure", Rule.LossMeasure.EQUITY),
                fields.choice("on_payout", Rule.OnPayout.KEEP), fields.bool("inclusive", true),
                EnforcementReader.read(fields, List.of(FAIL)));
    }

    private static Rule minTradingDays(Fields fields) {
        EnforcementReader.rejectFor(fields);
        return new Rule.MinTradingDays(fields.positiveInteger("days"), fields.choice("count", Rule.DayCount.OPENED),
                fields.positiveDecimal("min_day_profit_percent", HALF_PERCENT),
                fields.choice("applies_to", Rule.AppliesTo.PASS));
    }

    private static Rule consistency(Fields fields) {
        EnforcementReader.rejectFor(fields);
        Rule.Consistency rule = new Rule.Consistency(fields.percentUpToHundred("max_day_percent"),
                fields.choice("of", Rule.ConsistencyBasis.NET), fields.bool("inclusive", true),
                fields.choice("mode", Rule.ConsistencyMode.BLOCK), fields.choice("applies_to", Rule.AppliesTo.PASS));
        if (rule.mode() == Rule.ConsistencyMode.RAISE_TARGET && rule.appliesTo() == Rule.AppliesTo.PAYOUT) {
            throw fields.get("mode").error(fields.owner()
                    + ": mode raise_target raises the profit target, so it needs applies_to pass, not payout");
        }
        return rule;
    }

    private static Rule maxLots(Fields fields) {
        return new Rule.MaxLots(fields.positiveDecimal("lots"), fields.choice("per", Rule.LotsPer.POSITION),
                Set.copyOf(fields.strings("symbols", List.of())),
                EnforcementReader.read(fields, List.of(FLAG, FAIL, CLOSE_POSITION)));
    }

    private static Rule news(Fields fields) {
        Set<Impact> impacts = EnumSet.noneOf(Impact.class);
        Node impactNode = fields.get("impact");
        if (impactNode == null) {
            impacts.add(Impact.HIGH);
        } else if (impactNode instanceof Node.Sequence sequence && !sequence.items().isEmpty()) {
            sequence.items().forEach(item -> impacts.add(fields.choice("impact", item, Impact.class)));
        } else {
            throw impactNode.error(fields.owner() + ": impact must be a non-empty list of "
                    + Fields.wireNames(Impact.class) + ", got " + impactNode.description());
        }
        return new Rule.NewsRestriction(fields.nonNegativeInteger("before_minutes", 2),
                fields.nonNegativeInteger("after_minutes", 2), impacts,
                fields.choice("applies_to", Rule.NewsScope.OPEN_OR_CLOSE),
                EnforcementReader.read(fields, List.of(FLAG, FAIL, EXCLUDE_PROFIT)));
    }

    private static Rule weekendHolding(Fields fields) {
        DayOfWeek day = DayOfWeek.FRIDAY;
        LocalTime time = NINE_PM;
        Node cutoffNode = fields.get("cutoff");
        if (cutoffNode != null) {
            Fields cutoff = Fields.of(cutoffNode, fields.owner() + " cutoff");
            day = cutoff.choice("day", DayOfWeek.FRIDAY);
            Node timeNode = cutoff.get("time");
            if (timeNode != null) {
                time = Clock.localTime(cutoff, "time", timeNode);
            }
            cutoff.rejectUnknown();
        }
        return new Rule.WeekendHolding(day, time, EnforcementReader.read(fields, List.of(CLOSE_POSITION, FLAG, FAIL)));
    }

    private static Rule stopLossRequired(Fields fields) {
        return new Rule.StopLossRequired(fields.nonNegativeInteger("within_seconds", 0),
                fields.positiveDecimal("max_risk_percent", null),
                EnforcementReader.read(fields, List.of(FLAG, FAIL, CLOSE_POSITION)));
    }

    /** {@code percent} or {@code amount}, exactly one of them. */
    private static LimitAmount amount(Fields fields) {
        boolean percent = fields.has("percent");
        boolean amount = fields.has("amount");
        if (percent == amount) {
            throw fields.error(percent ? "give percent or amount, not both" : "missing percent or amount");
        }
        return percent ? new LimitAmount.Percent(fields.positiveDecimal("percent"))
                : new LimitAmount.Fixed(fields.positiveCents("amount"));
    }
}
