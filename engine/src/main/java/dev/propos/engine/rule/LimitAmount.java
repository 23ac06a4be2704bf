package dev.propos.engine.rule;

import dev.propos.engine.money.Money;
import java.io.Serializable;
import java.math.BigDecimal;

/** A rule's amount: a percent of some base (rounded to cents) or a fixed sum of money. */
public sealed interface LimitAmount extends Serializable {

    /** The amount in cents, given the base a percent applies to. */
    long centsOf(long baseCents);

    record Percent(BigDecimal percent) implements LimitAmount {
        @Override
        public long centsOf(long baseCents) {
            return Money.percentOf(percent, baseCents);
        }
    }

    record Fixed(long cents) implements LimitAmount {
        @Override
        public long centsOf(long baseCents) {
            return cents;
        }
    }
}
