package dev.propos.formats.decision;

import dev.propos.engine.decision.Decision;
import dev.propos.engine.decision.Measure;
import java.io.Flushable;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Writes decisions as JSON Lines (spec/decisions.md), buffered: money with two decimals, times in
 * RFC 3339 UTC, required fields always present ({@code null} where they do not apply), fields in
 * the order of the shared examples.
 *
 * <p>It is the engine's decision sink ({@link Consumer}), so output failures surface as
 * {@link UncheckedIOException}. Call {@link #flush()} when done; the stream is not closed.
 */
public final class DecisionWriter implements Consumer<Decision>, Flushable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final JsonBytes json;

    public DecisionWriter(OutputStream out) {
        this.json = new JsonBytes(out, BUFFER_BYTES);
    }

    @Override
    public void accept(Decision decision) {
        write(decision);
    }

    /** Writes one decision as one line. */
    public void write(Decision decision) {
        json.beginObject();
        switch (decision) {
            case Decision.Breach breach -> breach(breach);
            case Decision.Violation violation -> violation(violation);
            case Decision.Resumed resumed -> json.key("type").string("resumed")
                    .key("time").time(resumed.time())
                    .key("account").string(resumed.account());
            case Decision.PhasePassed passed -> phasePassed(passed);
            case Decision.PayoutDecision payout -> payout(payout);
            case Decision.RiskFlag flag -> riskFlag(flag);
            case Decision.AccountStatus status -> status(status);
        }
        json.endObject();
        json.endLine();
    }

    /** Writes the buffered lines to the stream and flushes it. */
    @Override
    public void flush() {
        json.flush();
    }

    private void breach(Decision.Breach breach) {
        json.key("type").string("breach")
                .key("time").time(breach.time())
                .key("account").string(breach.account())
                .key("program").string(breach.program())
                .key("phase").string(breach.phase())
                .key("rule").string(breach.rule())
                .key("consequence").string(breach.consequence());
        measure("value", breach.value());
        measure("limit", breach.limit());
        if ("pause".equals(breach.consequence()) || breach.until() != null) {
            json.key("until").time(breach.until());
        }
        if (breach.strike() != null) {
            json.key("strike").number(breach.strike());
        }
        if (breach.position() != null) {
            json.key("position").string(breach.position());
        }
        boolean dailyLoss = "daily_loss".equals(breach.rule());
        if (dailyLoss || breach.dayStartBalanceCents() != null) {
            json.key("day_start_balance").money(breach.dayStartBalanceCents());
        }
        if (dailyLoss || breach.dayStartEquityCents() != null) {
            json.key("day_start_equity").money(breach.dayStartEquityCents());
        }
        if (dailyLoss || breach.baseValueCents() != null) {
            json.key("base_value").money(breach.baseValueCents());
        }
        if ("max_loss".equals(breach.rule()) || breach.highWaterCents() != null) {
            json.key("high_water").money(breach.highWaterCents());
        }
    }

    private void violation(Decision.Violation violation) {
        json.key("type").string("violation")
                .key("time").time(violation.time())
                .key("account").string(violation.account())
                .key("program").string(violation.program())
                .key("phase").string(violation.phase())
                .key("rule").string(violation.rule())
                .key("consequence").string(violation.consequence())
                .key("position").string(violation.position())
                .key("strike").number(violation.strike());
        if (violation.value() != null) {
            measure("value", violation.value());
        }
        if (violation.limit() != null) {
            measure("limit", violation.limit());
        }
    }

    private void phasePassed(Decision.PhasePassed passed) {
        json.key("type").string("phase_passed")
                .key("time").time(passed.time())
                .key("account").string(passed.account())
                .key("program").string(passed.program())
                .key("phase").string(passed.phase())
                .key("next_phase").string(passed.nextPhase())
                .key("balance").money(passed.balanceCents())
                .key("trading_days").number(passed.tradingDays());
    }

    private void payout(Decision.PayoutDecision payout) {
        json.key("type").string("payout_decision")
                .key("time").time(payout.time())
                .key("account").string(payout.account())
                .key("approved").bool(payout.approved())
                .key("amount").money(payout.amountCents())
                .key("trader_share").money(payout.traderShareCents())
                .key("firm_share").money(payout.firmShareCents())
                .key("fee_refund").money(payout.feeRefundCents())
                .key("reasons").beginArray();
        payout.reasons().forEach(json::string);
        json.endArray()
                .key("eligible").money(payout.eligibleCents());
    }

    private void riskFlag(Decision.RiskFlag flag) {
        json.key("type").string("risk_flag")
                .key("time").time(flag.time())
                .key("kind").string(flag.kind())
                .key("accounts").beginArray();
        flag.accounts().forEach(json::string);
        json.endArray()
                .key("matches").number(flag.matches())
                .key("evidence").beginArray();
        for (Decision.MatchedPosition matched : flag.evidence()) {
            json.beginObject()
                    .key("account").string(matched.account())
                    .key("position").string(matched.position())
                    .key("symbol").string(matched.symbol())
                    .key("side").string(matched.side())
                    .key("open_time").time(matched.openTime())
                    .endObject();
        }
        json.endArray();
    }

    private void status(Decision.AccountStatus status) {
        json.key("type").string("account_status")
                .key("account").string(status.account())
                .key("program").string(status.program())
                .key("phase").string(status.phase())
                .key("status").string(status.status())
                .key("balance").money(status.balanceCents())
                .key("equity").money(status.equityCents())
                .key("day_start_balance").money(status.dayStartBalanceCents())
                .key("day_start_equity").money(status.dayStartEquityCents())
                .key("daily_loss_floor").money(status.dailyLossFloorCents())
                .key("max_loss_floor").money(status.maxLossFloorCents())
                .key("high_water").money(status.highWaterCents())
                .key("trading_days").number(status.tradingDays())
                .key("best_day").money(status.bestDayCents())
                .key("total_profit").money(status.totalProfitCents())
                .key("excluded_profit").money(status.excludedProfitCents())
                .key("open_positions").number(status.openPositions())
                .key("payouts_total").money(status.payoutsTotalCents())
                .key("ignored_events").number(status.ignoredEvents());
    }

    private void measure(String key, Measure measure) {
        json.key(key);
        switch (measure) {
            case null -> json.nul();
            case Measure.Money money -> json.money(money.cents());
            case Measure.Quantity quantity -> json.number(quantity.amount());
            case Measure.At at -> json.time(at.instant());
            case Measure.Window window -> json.beginArray().time(window.start()).time(window.end()).endArray();
        }
    }
}
