package dev.propos.engine.rule;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * How a rule is enforced: its consequence, the strike count at which a soft consequence fails the
 * account instead (0: never), and for {@code exclude_profit} the percent of the profit kept.
 */
public record Enforcement(Consequence onViolation, int maxStrikes, BigDecimal keepPercent) implements Serializable {

    public static Enforcement of(Consequence onViolation) {
        return new Enforcement(onViolation, 0, BigDecimal.ZERO);
    }

    /** The consequence of the {@code strike}-th violation. */
    public Consequence consequenceOfStrike(int strike) {
        return maxStrikes > 0 && strike >= maxStrikes ? Consequence.FAIL : onViolation;
    }
}
