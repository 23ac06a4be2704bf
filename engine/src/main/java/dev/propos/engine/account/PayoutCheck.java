package dev.propos.engine.account;

import dev.propos.engine.config.PayoutPolicy;
import dev.propos.engine.decision.Decision.PayoutDecision;
import dev.propos.engine.event.Event.PayoutRequested;
import dev.propos.engine.money.Money;
import dev.propos.engine.rule.Rule.AppliesTo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Answers a payout request (spec/programs.md, "Payouts"): the reasons against it, or the split. */
final class PayoutCheck {

    private final Account account;
    private final RuleBook rules;

    PayoutCheck(Account account, RuleBook rules) {
        this.account = account;
        this.rules = rules;
    }

    PayoutDecision decide(PayoutRequested request) {
        Instant time = request.time();
        long eligible = account.eligibleProfitCents();
        long amount = request.amount() == null ? eligible : Money.toCents(request.amount());
        List<String> reasons = new ArrayList<>();
        boolean paused = account.status() == Status.PAUSED;
        PayoutPolicy policy = account.phase().payouts();
        if (!account.phase().funded()) {
            reasons.add("not_funded");
            if (paused) {
                reasons.add("account_paused");
            }
            return rejected(time, amount, eligible, reasons);
        }
        if (paused) {
            reasons.add("account_paused");
        }
        if (policy.requireFlat() && !account.open.isEmpty()) {
            reasons.add("open_positions");
        }
        if (tooEarly(policy, time)) {
            reasons.add("too_early");
        }
        if (rules.objectives().blockedByTradingDays(AppliesTo.PAYOUT, account.periodDays)) {
            reasons.add("min_trading_days");
        }
        if (rules.objectives().blockedByConsistency(AppliesTo.PAYOUT, account.periodDays)) {
            reasons.add("consistency");
        }
        if (eligible <= 0 || amount <= 0) {
            reasons.add("no_profit");
        } else {
            if (amount < policy.minAmountCents()) {
                reasons.add("below_minimum");
            }
            if (amount > eligible) {
                reasons.add("exceeds_eligible");
            }
            if (rules.payoutBreachesFloor(amount)) {
                reasons.add("breaches_floor");
            }
        }
        if (!reasons.isEmpty()) {
            return rejected(time, amount, eligible, reasons);
        }
        long traderShare = Money.percentOf(policy.splitPercent(), amount);
        long feeRefund = policy.refundFee() && !account.feeRefunded ? account.feeCents() : 0;
        return new PayoutDecision(time, account.id(), true, amount, traderShare, amount - traderShare, feeRefund,
                List.of(), eligible);
    }

    private boolean tooEarly(PayoutPolicy policy, Instant time) {
        if (policy.firstAfterDays() > 0 && (account.firstOpenTime == null
                || time.isBefore(account.firstOpenTime.plus(Duration.ofDays(policy.firstAfterDays()))))) {
            return true;
        }
        return account.lastPayoutTime != null
                && time.isBefore(account.lastPayoutTime.plus(Duration.ofDays(policy.intervalDays())));
    }

    private PayoutDecision rejected(Instant time, long amount, long eligible, List<String> reasons) {
        return new PayoutDecision(time, account.id(), false, amount, 0, 0, 0, reasons, eligible);
    }
}
