package dev.propos.server.payouts;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The payout policy. A checked payout is approved at once when it is at most
 * {@code autoApproveUpTo}, its trader is verified and its account has had no risk flag for
 * {@code riskHoldDays}; otherwise it waits for FINANCE's review, and above
 * {@code secondApproverAbove} it needs two different approvers. {@code programs} overrides the
 * two amounts per program id. The janitor looks every {@code janitorInterval} for payouts that have
 * not moved for {@code stuckAfter} and repairs them, or escalates one submitted and not confirmed
 * for {@code confirmWithin}; a payment is tried {@code maxAttempts} times. A payment the bank
 * refused because of the beneficiary's account waits for the trader's new bank details, and the
 * payout is cancelled without them after {@code bankDetailsWithin}.
 */
@ConfigurationProperties("propos.payouts")
public record PayoutSettings(BigDecimal autoApproveUpTo, BigDecimal secondApproverAbove, int riskHoldDays,
                             Map<String, ProgramPolicy> programs, Duration janitorInterval, Duration stuckAfter,
                             Duration confirmWithin, int maxAttempts, Duration bankDetailsWithin) {

    /** A program's own amounts (null: the firm's). */
    public record ProgramPolicy(BigDecimal autoApproveUpTo, BigDecimal secondApproverAbove) {
    }

    public PayoutSettings {
        autoApproveUpTo = autoApproveUpTo != null ? autoApproveUpTo : new BigDecimal("2000");
        secondApproverAbove = secondApproverAbove != null ? secondApproverAbove : new BigDecimal("10000");
        riskHoldDays = riskHoldDays > 0 ? riskHoldDays : 30;
        programs = programs != null ? Map.copyOf(programs) : Map.of();
        janitorInterval = janitorInterval != null ? janitorInterval : Duration.ofSeconds(30);
        stuckAfter = stuckAfter != null ? stuckAfter : Duration.ofMinutes(2);
        confirmWithin = confirmWithin != null ? confirmWithin : Duration.ofDays(3);
        maxAttempts = maxAttempts > 0 ? maxAttempts : 5;
        bankDetailsWithin = bankDetailsWithin != null ? bankDetailsWithin : Duration.ofDays(14);
    }

    long autoApproveUpToCents(String program) {
        ProgramPolicy own = programs.get(program);
        return cents(own != null && own.autoApproveUpTo() != null ? own.autoApproveUpTo() : autoApproveUpTo);
    }

    long secondApproverAboveCents(String program) {
        ProgramPolicy own = programs.get(program);
        return cents(own != null && own.secondApproverAbove() != null ? own.secondApproverAbove() : secondApproverAbove);
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
