package dev.propos.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.config.TradingDay;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Side;
import dev.propos.engine.reference.ReferenceEvaluator;
import dev.propos.engine.rule.Consequence;
import dev.propos.engine.rule.Enforcement;
import dev.propos.engine.rule.LimitAmount;
import dev.propos.engine.rule.Rule;
import dev.propos.engine.rule.Rule.AppliesTo;
import dev.propos.engine.rule.Rule.ConsistencyBasis;
import dev.propos.engine.rule.Rule.ConsistencyMode;
import dev.propos.engine.rule.Rule.DailyAmountOf;
import dev.propos.engine.rule.Rule.DailyBase;
import dev.propos.engine.rule.Rule.LossMeasure;
import dev.propos.engine.rule.Rule.MaxLossAmountOf;
import dev.propos.engine.rule.Rule.MaxLossMode;
import dev.propos.engine.rule.Rule.OnPayout;
import dev.propos.engine.rule.Rule.ProfitMeasure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;

/**
 * An account whose equity sits outside the band in which no rule can act: above a profit target
 * that consistency blocks. Any move may then make a rule act (here a new intraday peak raises the
 * daily-loss floor), so the quote router must hand it every quote of its symbols, also after a day
 * boundary that leaves the band's edges where they were. Found by {@link DifferentialTest} (seed
 * 1521929): the router had kept triggers placed around an older, higher price.
 */
class OutsideTheQuietBandTest {

    private static final Enforcement FAIL = Enforcement.of(Consequence.FAIL);

    private final List<Event> events = new ArrayList<>();

    @Example
    void aNewPeakAboveABlockedTargetRaisesTheDailyFloorAfterADayBoundary() {
        Program program = new Program("one-step", 1, "One-Step 100K", "USD", 10_000_000L,
                new TradingDay(ZoneId.of("UTC"), LocalTime.MIDNIGHT), List.of(new Phase("challenge", null, false,
                        List.of(new Rule.ProfitTarget(percent("5"), ProfitMeasure.EQUITY, false),
                                new Rule.Consistency(new BigDecimal("50"), ConsistencyBasis.POSITIVE, true,
                                        ConsistencyMode.BLOCK, AppliesTo.PASS),
                                // 10% of the day's peak equity: below the static floor until the peak passes 108,000
                                new Rule.DailyLoss(percent("10"), DailyBase.PEAK_EQUITY, DailyAmountOf.INITIAL, true,
                                        FAIL),
                                new Rule.MaxLoss(percent("2"), MaxLossMode.STATIC, null, MaxLossAmountOf.INITIAL,
                                        LossMeasure.EQUITY, OnPayout.KEEP, true, FAIL)), null)));
        FirmConfig firm = new FirmConfig(Map.of("XAUUSD", new SymbolSpec("XAUUSD", BigDecimal.valueOf(100), "USD")),
                List.of(program), RiskConfig.NONE);
        event(new Event.AccountStarted(at("2026-03-02T09:00:00Z"), id(), "a", null, "one-step", null, null, null,
                null, null));
        quote("2026-03-02T09:00:01Z", "2000.00");
        event(new Event.PositionOpened(at("2026-03-02T09:01:00Z"), id(), "a", "p1", "XAUUSD", Side.BUY,
                BigDecimal.ONE, new BigDecimal("2000.50"), null, null, null));
        quote("2026-03-02T12:00:00Z", "2080.00"); // equity 107,950: past the 105,000 target, blocked
        quote("2026-03-02T15:00:00Z", "2070.00"); // 106,950
        quote("2026-03-03T09:00:00Z", "2070.00"); // a new day: its peak is its start equity, 106,950
        quote("2026-03-03T10:00:00Z", "2075.00"); // 107,450: a new peak, below the old price

        Decision.AccountStatus engine = run(new Engine(firm, decision -> { }));
        Decision.AccountStatus reference = run(ReferenceEvaluator.create(firm, decision -> { }));

        assertThat(engine.status()).isEqualTo("active");
        assertThat(engine.dayStartEquityCents()).isEqualTo(10_695_000L);
        assertThat(engine.dailyLossFloorCents()).isEqualTo(10_745_000L - 1_000_000L);
        assertThat(engine).isEqualTo(reference);
    }

    private Decision.AccountStatus run(Engine engine) {
        events.forEach(engine::apply);
        return engine.status("a");
    }

    private void quote(String time, String bid) {
        BigDecimal price = new BigDecimal(bid);
        event(new Event.Quote(at(time), id(), "XAUUSD", price, price.add(new BigDecimal("0.50"))));
    }

    private void event(Event event) {
        events.add(event);
    }

    private String id() {
        return "e" + events.size();
    }

    private static Instant at(String time) {
        return Instant.parse(time);
    }

    private static LimitAmount percent(String percent) {
        return new LimitAmount.Percent(new BigDecimal(percent));
    }
}
