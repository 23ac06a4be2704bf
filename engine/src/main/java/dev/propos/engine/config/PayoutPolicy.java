package dev.propos.engine.config;

import java.io.Serializable;
import java.math.BigDecimal;

/** The payout terms of a funded phase (spec/programs.md, "Payouts"). */
public record PayoutPolicy(BigDecimal splitPercent, int firstAfterDays, int intervalDays, long minAmountCents,
                           boolean requireFlat, boolean refundFee) implements Serializable {
}
