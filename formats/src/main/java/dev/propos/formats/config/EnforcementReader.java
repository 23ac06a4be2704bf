package dev.propos.formats.config;

import dev.propos.engine.rule.Consequence;
import dev.propos.engine.rule.Enforcement;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/** Reads {@code on_violation}, {@code max_strikes} and {@code keep_percent} of a rule entry. */
final class EnforcementReader {

    /** Consequences after which a further violation can happen, so that counting strikes makes sense. */
    private static final Set<Consequence> STRIKE_COUNTED =
            EnumSet.of(Consequence.FLAG, Consequence.CLOSE_POSITION, Consequence.EXCLUDE_PROFIT, Consequence.PAUSE);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EnforcementReader() {
    }

    /** {@code allowed} lists the rule's consequences; the first is its default. */
    static Enforcement read(Fields fields, List<Consequence> allowed) {
        Consequence onViolation = allowed.getFirst();
        Node onViolationNode = fields.get("on_violation");
        if (onViolationNode != null) {
            onViolation = fields.choice("on_violation", onViolationNode, Consequence.class);
            if (!allowed.contains(onViolation)) {
                throw onViolationNode.error(fields.owner() + ": on_violation " + onViolation.wireName()
                        + " is not allowed (allowed: " + names(allowed) + ")");
            }
        }
        int maxStrikes = 0;
        if (fields.has("max_strikes")) {
            maxStrikes = fields.positiveInteger("max_strikes");
            if (!STRIKE_COUNTED.contains(onViolation)) {
                throw fields.get("max_strikes").error(fields.owner()
                        + ": max_strikes needs on_violation flag, close_position, exclude_profit or pause, not "
                        + onViolation.wireName());
            }
        }
        BigDecimal keepPercent = BigDecimal.ZERO;
        if (fields.has("keep_percent")) {
            Node node = fields.get("keep_percent");
            keepPercent = fields.decimal("keep_percent", node);
            if (onViolation != Consequence.EXCLUDE_PROFIT) {
                throw node.error(fields.owner() + ": keep_percent needs on_violation exclude_profit");
            }
            if (keepPercent.signum() < 0 || keepPercent.compareTo(HUNDRED) > 0) {
                throw node.error(fields.owner() + ": keep_percent must be between 0 and 100, got "
                        + keepPercent.toPlainString());
            }
        }
        return new Enforcement(onViolation, maxStrikes, keepPercent);
    }

    /** Objective rules (targets, blocking conditions) are met or not; they have nothing to enforce. */
    static void rejectFor(Fields fields) {
        for (String key : List.of("on_violation", "max_strikes", "keep_percent")) {
            if (fields.has(key)) {
                throw fields.get(key).error(fields.owner() + " is an objective, not a limit: it takes no " + key);
            }
        }
    }

    private static String names(List<Consequence> consequences) {
        StringJoiner names = new StringJoiner(", ");
        consequences.forEach(c -> names.add(c.wireName()));
        return names.toString();
    }
}
