package dev.propos.server.accounts;

import dev.propos.engine.decision.Decision;
import dev.propos.engine.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An account's figures as the engine has them (the {@code account_status} of spec/decisions.md,
 * money in the account's currency with two decimals), and when its next trading day starts (null
 * once the account has finished). A floor is null when the phase has no rule of its kind.
 */
public record StatusFigures(BigDecimal balance, BigDecimal equity, BigDecimal dayStartBalance,
                            BigDecimal dayStartEquity, BigDecimal dailyLossFloor, BigDecimal maxLossFloor,
                            BigDecimal highWater, int tradingDays, BigDecimal bestDay, BigDecimal totalProfit,
                            BigDecimal excludedProfit, int openPositions, BigDecimal payoutsTotal, long ignoredEvents,
                            Instant nextDayStart) {

    static StatusFigures of(Decision.AccountStatus status, Instant nextDayStart) {
        return new StatusFigures(money(status.balanceCents()), money(status.equityCents()),
                money(status.dayStartBalanceCents()), money(status.dayStartEquityCents()),
                money(status.dailyLossFloorCents()), money(status.maxLossFloorCents()), money(status.highWaterCents()),
                status.tradingDays(), money(status.bestDayCents()), money(status.totalProfitCents()),
                money(status.excludedProfitCents()), status.openPositions(), money(status.payoutsTotalCents()),
                status.ignoredEvents(), nextDayStart);
    }

    private static BigDecimal money(Long cents) {
        return cents == null ? null : Money.toDecimal(cents);
    }
}
