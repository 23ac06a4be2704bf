package dev.propos.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.account.Status;
import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.config.TradingDay;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.decision.Measure;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Side;
import dev.propos.engine.rule.Consequence;
import dev.propos.engine.rule.Enforcement;
import dev.propos.engine.rule.LimitAmount;
import dev.propos.engine.rule.Rule;
import dev.propos.engine.rule.Rule.AppliesTo;
import dev.propos.engine.rule.Rule.ConsistencyBasis;
import dev.propos.engine.rule.Rule.ConsistencyMode;
import dev.propos.engine.rule.Rule.DailyAmountOf;
import dev.propos.engine.rule.Rule.DailyBase;
import dev.propos.engine.rule.Rule.DayCount;
import dev.propos.engine.rule.Rule.LossMeasure;
import dev.propos.engine.rule.Rule.LotsPer;
import dev.propos.engine.rule.Rule.MaxLossAmountOf;
import dev.propos.engine.rule.Rule.MaxLossMode;
import dev.propos.engine.rule.Rule.OnPayout;
import dev.propos.engine.rule.Rule.ProfitMeasure;
import dev.propos.engine.status.RuleStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Example;

/**
 * {@link Engine#ruleStatus} on hand-built firms: exact figures after given events, across day
 * boundaries (a DST change included), after a pause and after a breach (frozen).
 */
class RuleStatusTest {

    private static final SymbolSpec XAUUSD = new SymbolSpec("XAUUSD", BigDecimal.valueOf(100), "USD");
    private static final Enforcement FAIL = Enforcement.of(Consequence.FAIL);
    private static final Enforcement FLAG = Enforcement.of(Consequence.FLAG);

    private final List<Decision> decisions = new ArrayList<>();
    private Engine engine;
    private int ids;

    // ---- daily loss on every basis, a two-step program, Prague across the spring-forward change ----

    @Example
    void dailyLossOnEveryBasisAcrossADstBoundaryThenABreach() {
        Program program = program("Europe/Prague",
                new Phase("challenge", "verification", false, List.of(
                        target("10"),
                        new Rule.DailyLoss(percent("5"), DailyBase.BALANCE, DailyAmountOf.INITIAL, true, FAIL),
                        new Rule.DailyLoss(percent("4"), DailyBase.MAX, DailyAmountOf.INITIAL, true, FAIL),
                        new Rule.DailyLoss(percent("5"), DailyBase.EQUITY, DailyAmountOf.BASE, true, FAIL),
                        new Rule.DailyLoss(percent("3"), DailyBase.PEAK_EQUITY, DailyAmountOf.INITIAL, true, FAIL),
                        maxLoss(percent("10"), MaxLossMode.STATIC, null, LossMeasure.EQUITY),
                        new Rule.MinTradingDays(2, DayCount.OPENED, new BigDecimal("0.5"), AppliesTo.PASS)), null),
                verification());
        engine = new Engine(firm(program), decisions::add);
        // Saturday 2026-03-28, CET (+01:00): the day ends at Prague midnight, 23:00Z
        apply(start("2026-03-28T10:00:00Z", "a", null));
        apply(quote("2026-03-28T10:00:01Z", "XAUUSD", "2000.00", "2000.50"));
        apply(open("2026-03-28T10:01:00Z", "a", "p1", "XAUUSD", Side.BUY, "1", "2000.50"));
        apply(quote("2026-03-28T11:00:00Z", "XAUUSD", "2010.50", "2011.00")); // +1000: equity 101000
        assertStatus("a",
                "profit_target pending value=0.00 limit=10000.00 distance=10000.00 basis=reference_balance:100000.00"
                        + " reset=null pass strikes=null",
                "daily_loss ok value=101000.00 limit=95000.00 distance=6000.00 basis=day_start_balance:100000.00"
                        + " reset=2026-03-28T23:00:00Z fail strikes=0",
                "daily_loss ok value=101000.00 limit=96000.00 distance=5000.00 basis=higher_of:100000.00"
                        + " reset=2026-03-28T23:00:00Z fail strikes=0",
                "daily_loss ok value=101000.00 limit=95000.00 distance=6000.00 basis=day_start_equity:100000.00"
                        + " reset=2026-03-28T23:00:00Z fail strikes=0",
                "daily_loss ok value=101000.00 limit=98000.00 distance=3000.00 basis=day_peak:101000.00"
                        + " reset=2026-03-28T23:00:00Z fail strikes=0",
                "max_loss ok value=101000.00 limit=90000.00 distance=11000.00 basis=reference_balance:100000.00"
                        + " reset=null fail strikes=null",
                "min_trading_days pending value=1 limit=2 distance=1 basis=null reset=null block strikes=null");

        apply(quote("2026-03-28T12:00:00Z", "XAUUSD", "2005.50", "2006.00")); // +500: the peak stays
        assertThat(render(engine.ruleStatus("a").get(4))).isEqualTo(
                "daily_loss ok value=100500.00 limit=98000.00 distance=2500.00 basis=day_peak:101000.00"
                        + " reset=2026-03-28T23:00:00Z fail strikes=0");

        // The boundary at 23:00Z records balance 100000, equity 100500; the next one is Monday's
        // Prague midnight in summer time (+02:00): 2026-03-29T22:00Z, 23 hours later.
        apply(clock("2026-03-29T08:00:00Z"));
        assertStatus("a",
                "profit_target pending value=0.00 limit=10000.00 distance=10000.00 basis=reference_balance:100000.00"
                        + " reset=null pass strikes=null",
                "daily_loss ok value=100500.00 limit=95000.00 distance=5500.00 basis=day_start_balance:100000.00"
                        + " reset=2026-03-29T22:00:00Z fail strikes=0",
                "daily_loss ok value=100500.00 limit=96500.00 distance=4000.00 basis=higher_of:100500.00"
                        + " reset=2026-03-29T22:00:00Z fail strikes=0",
                "daily_loss ok value=100500.00 limit=95475.00 distance=5025.00 basis=day_start_equity:100500.00"
                        + " reset=2026-03-29T22:00:00Z fail strikes=0",
                "daily_loss ok value=100500.00 limit=97500.00 distance=3000.00 basis=day_peak:100500.00"
                        + " reset=2026-03-29T22:00:00Z fail strikes=0",
                "max_loss ok value=100500.00 limit=90000.00 distance=10500.00 basis=reference_balance:100000.00"
                        + " reset=null fail strikes=null",
                "min_trading_days pending value=1 limit=2 distance=1 basis=null reset=null block strikes=null");

        apply(open("2026-03-29T09:00:00Z", "a", "p2", "XAUUSD", Side.BUY, "1", "2006.00"));
        assertThat(render(engine.ruleStatus("a").get(6)))
                .isEqualTo("min_trading_days met value=2 limit=2 distance=0 basis=null reset=null block strikes=null");

        // p1 -1000, p2 -1550: equity 97450 reaches the day's peak floor 97500 (the fifth entry)
        apply(quote("2026-03-29T10:00:00Z", "XAUUSD", "1990.50", "1991.00"));
        assertThat(decisions).last().isEqualTo(new Decision.Breach(Instant.parse("2026-03-29T10:00:00Z"), "a", "two-step",
                "challenge", "daily_loss", "fail", new Measure.Money(9_745_000), new Measure.Money(9_750_000), null,
                null, null, 10_000_000L, 10_050_000L, 10_050_000L, null));
        String[] frozen = {
            "profit_target pending value=0.00 limit=10000.00 distance=10000.00 basis=reference_balance:100000.00"
                    + " reset=null pass strikes=null",
            "daily_loss ok value=97450.00 limit=95000.00 distance=2450.00 basis=day_start_balance:100000.00"
                    + " reset=null fail strikes=0",
            "daily_loss ok value=97450.00 limit=96500.00 distance=950.00 basis=higher_of:100500.00"
                    + " reset=null fail strikes=0",
            "daily_loss ok value=97450.00 limit=95475.00 distance=1975.00 basis=day_start_equity:100500.00"
                    + " reset=null fail strikes=0",
            "daily_loss breached value=97450.00 limit=97500.00 distance=-50.00 basis=day_peak:100500.00"
                    + " reset=null fail strikes=1",
            "max_loss ok value=97450.00 limit=90000.00 distance=7450.00 basis=reference_balance:100000.00"
                    + " reset=null fail strikes=null",
            "min_trading_days met value=2 limit=2 distance=0 basis=null reset=null block strikes=null"};
        assertStatus("a", frozen);
        apply(quote("2026-03-29T11:00:00Z", "XAUUSD", "2100.00", "2100.50"));
        apply(clock("2026-03-31T08:00:00Z"));
        assertStatus("a", frozen);
        assertThat(engine.accountInfo("a").status()).isEqualTo(Status.FAILED);
    }

    // ---- trailing max loss ----------------------------------------------------------------------

    @Example
    void trailingMaxLossFollowsItsMarkThenBreaches() {
        Program program = program("UTC", new Phase("challenge", null, false, List.of(
                maxLoss(new LimitAmount.Fixed(300_000), MaxLossMode.TRAILING_EQUITY, null, LossMeasure.EQUITY),
                maxLoss(percent("5"), MaxLossMode.TRAILING_BALANCE, 0L, LossMeasure.EQUITY),
                maxLoss(percent("4"), MaxLossMode.TRAILING_EOD, null, LossMeasure.BALANCE)), null));
        engine = new Engine(firm(program), decisions::add);
        apply(start("2026-03-02T09:00:00Z", "b", null));
        apply(quote("2026-03-02T09:00:01Z", "EURUSD", "1.08000", "1.08010"));
        apply(open("2026-03-02T09:01:00Z", "b", "e1", "EURUSD", Side.BUY, "1", "1.08010"));
        apply(quote("2026-03-02T10:00:00Z", "EURUSD", "1.09010", "1.09020")); // +1000
        assertStatus("b",
                "max_loss ok value=101000.00 limit=98000.00 distance=3000.00 basis=high_water:101000.00"
                        + " reset=null fail strikes=null",
                "max_loss ok value=101000.00 limit=95000.00 distance=6000.00 basis=high_water:100000.00"
                        + " reset=null fail strikes=null",
                "max_loss ok value=100000.00 limit=96000.00 distance=4000.00 basis=high_water:100000.00"
                        + " reset=2026-03-03T00:00:00Z fail strikes=null");

        apply(quote("2026-03-02T11:00:00Z", "EURUSD", "1.08510", "1.08520")); // +500: the mark stays
        apply(close("2026-03-02T11:30:00Z", "b", "e1", "1.08510", null)); // balance 100500
        assertStatus("b",
                "max_loss ok value=100500.00 limit=98000.00 distance=2500.00 basis=high_water:101000.00"
                        + " reset=null fail strikes=null",
                "max_loss ok value=100500.00 limit=95500.00 distance=5000.00 basis=high_water:100500.00"
                        + " reset=null fail strikes=null",
                "max_loss ok value=100500.00 limit=96000.00 distance=4500.00 basis=high_water:100000.00"
                        + " reset=2026-03-03T00:00:00Z fail strikes=null");

        apply(open("2026-03-02T12:00:00Z", "b", "e2", "EURUSD", Side.BUY, "1", "1.08520"));
        apply(close("2026-03-02T12:30:00Z", "b", "e2", "1.08510", "6000")); // balance 106500
        // the balance-trailing floor would be 101500: lock_at 0 caps it at the initial balance
        assertStatus("b",
                "max_loss ok value=106500.00 limit=103500.00 distance=3000.00 basis=high_water:106500.00"
                        + " reset=null fail strikes=null",
                "max_loss ok value=106500.00 limit=100000.00 distance=6500.00 basis=lock_at:100000.00"
                        + " reset=null fail strikes=null",
                "max_loss ok value=106500.00 limit=96000.00 distance=10500.00 basis=high_water:100000.00"
                        + " reset=2026-03-03T00:00:00Z fail strikes=null");

        apply(clock("2026-03-03T08:00:00Z")); // the end-of-day mark takes the balance at midnight
        assertThat(render(engine.ruleStatus("b").get(2))).isEqualTo(
                "max_loss ok value=106500.00 limit=102500.00 distance=4000.00 basis=high_water:106500.00"
                        + " reset=2026-03-04T00:00:00Z fail strikes=null");

        apply(open("2026-03-03T09:00:00Z", "b", "e3", "EURUSD", Side.BUY, "2", "1.08520"));
        apply(quote("2026-03-03T10:00:00Z", "EURUSD", "1.06770", "1.06780")); // -3500: equity 103000
        assertThat(decisions).last().extracting(d -> ((Decision.Breach) d).rule()).isEqualTo("max_loss");
        String[] frozen = {
            "max_loss breached value=103000.00 limit=103500.00 distance=-500.00 basis=high_water:106500.00"
                    + " reset=null fail strikes=null",
            "max_loss ok value=103000.00 limit=100000.00 distance=3000.00 basis=lock_at:100000.00"
                    + " reset=null fail strikes=null",
            "max_loss ok value=106500.00 limit=102500.00 distance=4000.00 basis=high_water:106500.00"
                    + " reset=null fail strikes=null"};
        assertStatus("b", frozen);
        apply(quote("2026-03-03T11:00:00Z", "EURUSD", "1.20000", "1.20010"));
        apply(clock("2026-03-05T11:00:00Z"));
        assertStatus("b", frozen);
    }

    // ---- objectives and deadlines, a pass, and the next phase -------------------------------------

    @Example
    void objectivesAndDeadlinesUpToAPass() {
        Program program = program("UTC",
                new Phase("challenge", "verification", false, List.of(
                        target("5"),
                        new Rule.MinTradingDays(2, DayCount.OPENED, new BigDecimal("0.5"), AppliesTo.PASS),
                        new Rule.Consistency(new BigDecimal("50"), ConsistencyBasis.NET, true, ConsistencyMode.BLOCK,
                                AppliesTo.PASS),
                        new Rule.TimeLimit(30, FAIL),
                        new Rule.Inactivity(5, FAIL),
                        new Rule.DailyLoss(percent("5"), DailyBase.BALANCE, DailyAmountOf.INITIAL, true, FAIL)), null),
                verification());
        engine = new Engine(firm(program), decisions::add);
        apply(start("2026-03-02T09:00:00Z", "c", null));
        assertThat(render(engine.ruleStatus("c").get(3))).isEqualTo(
                "time_limit ok value=2026-03-02T09:00:00Z limit=2026-04-01T09:00:00Z distance=2592000"
                        + " basis=account_started reset=2026-04-01T09:00:00Z fail strikes=null");
        assertThat(render(engine.ruleStatus("c").get(4))).isEqualTo(
                "inactivity ok value=2026-03-02T09:00:00Z limit=2026-03-07T09:00:00Z distance=432000"
                        + " basis=last_activity reset=2026-03-07T09:00:00Z fail strikes=null");
        apply(quote("2026-03-02T09:00:01Z", "EURUSD", "1.08000", "1.08010"));
        apply(open("2026-03-02T10:00:00Z", "c", "x1", "EURUSD", Side.BUY, "1", "1.08010"));
        assertThat(render(engine.ruleStatus("c").get(4))).isEqualTo(
                "inactivity ok value=2026-03-02T10:00:00Z limit=null distance=null basis=last_activity reset=null"
                        + " fail strikes=null");
        apply(close("2026-03-02T11:00:00Z", "c", "x1", "1.08000", "4000"));
        assertStatus("c",
                "profit_target pending value=4000.00 limit=5000.00 distance=1000.00 basis=reference_balance:100000.00"
                        + " reset=null pass strikes=null",
                "min_trading_days pending value=1 limit=2 distance=1 basis=null reset=null block strikes=null",
                "consistency pending value=4000.00 limit=2000.00 distance=-2000.00 basis=net_total:4000.00"
                        + " reset=null block strikes=null",
                "time_limit ok value=2026-03-02T11:00:00Z limit=2026-04-01T09:00:00Z distance=2584800"
                        + " basis=account_started reset=2026-04-01T09:00:00Z fail strikes=null",
                "inactivity ok value=2026-03-02T11:00:00Z limit=2026-03-07T11:00:00Z distance=432000"
                        + " basis=last_activity reset=2026-03-07T11:00:00Z fail strikes=null",
                "daily_loss ok value=104000.00 limit=95000.00 distance=9000.00 basis=day_start_balance:100000.00"
                        + " reset=2026-03-03T00:00:00Z fail strikes=0");

        apply(open("2026-03-03T10:00:00Z", "c", "x2", "EURUSD", Side.BUY, "1", "1.08010"));
        apply(close("2026-03-03T11:00:00Z", "c", "x2", "1.08000", "2000"));
        // target and days met; the best day is 4000 of 6000, above 50 %: no pass yet
        assertThat(engine.ruleStatus("c").subList(0, 3)).extracting(RuleStatusTest::render).containsExactly(
                "profit_target met value=6000.00 limit=5000.00 distance=-1000.00 basis=reference_balance:100000.00"
                        + " reset=null pass strikes=null",
                "min_trading_days met value=2 limit=2 distance=0 basis=null reset=null block strikes=null",
                "consistency pending value=4000.00 limit=3000.00 distance=-1000.00 basis=net_total:6000.00"
                        + " reset=null block strikes=null");
        assertThat(engine.accountInfo("c").status()).isEqualTo(Status.ACTIVE);

        apply(open("2026-03-04T10:00:00Z", "c", "x3", "EURUSD", Side.BUY, "1", "1.08010"));
        apply(close("2026-03-04T11:00:00Z", "c", "x3", "1.08000", "2000"));
        assertThat(decisions).last().isInstanceOf(Decision.PhasePassed.class);
        String[] passed = {
            "profit_target met value=8000.00 limit=5000.00 distance=-3000.00 basis=reference_balance:100000.00"
                    + " reset=null pass strikes=null",
            "min_trading_days met value=3 limit=2 distance=-1 basis=null reset=null block strikes=null",
            "consistency met value=4000.00 limit=4000.00 distance=0.00 basis=net_total:8000.00"
                    + " reset=null block strikes=null",
            "time_limit ok value=2026-03-04T11:00:00Z limit=2026-04-01T09:00:00Z distance=2412000"
                    + " basis=account_started reset=null fail strikes=null",
            "inactivity ok value=2026-03-04T11:00:00Z limit=2026-03-09T11:00:00Z distance=432000"
                    + " basis=last_activity reset=null fail strikes=null",
            "daily_loss ok value=108000.00 limit=101000.00 distance=7000.00 basis=day_start_balance:106000.00"
                    + " reset=null fail strikes=0"};
        assertStatus("c", passed);
        apply(quote("2026-03-04T11:30:00Z", "EURUSD", "1.05000", "1.05010"));
        apply(clock("2026-04-02T00:00:00Z")); // past both deadlines: a passed account is not judged
        assertStatus("c", passed);

        // the verification phase starts afresh
        apply(new Event.AccountStarted(Instant.parse("2026-04-02T00:00:01Z"), id(), "c2", "c", null, null, null, null,
                null, null));
        assertStatus("c2",
                "profit_target pending value=0.00 limit=5000.00 distance=5000.00 basis=reference_balance:100000.00"
                        + " reset=null pass strikes=null",
                "daily_loss ok value=100000.00 limit=95000.00 distance=5000.00 basis=day_start_balance:100000.00"
                        + " reset=2026-04-03T00:00:00Z fail strikes=0",
                "max_loss ok value=100000.00 limit=90000.00 distance=10000.00 basis=reference_balance:100000.00"
                        + " reset=null fail strikes=null");
        assertThat(engine.ruleStatus("nobody")).isNull();
    }

    // ---- lots, positions, a target raised by consistency ------------------------------------------

    @Example
    void maxLotsOpenPositionsAndARaisedTarget() {
        Program program = program("UTC", new Phase("challenge", null, false, List.of(
                target("10"),
                new Rule.Consistency(new BigDecimal("40"), ConsistencyBasis.NET, true, ConsistencyMode.RAISE_TARGET,
                        AppliesTo.PASS),
                new Rule.MaxLots(new BigDecimal("2"), LotsPer.POSITION, Set.of(),
                        new Enforcement(Consequence.FLAG, 2, BigDecimal.ZERO)),
                new Rule.MaxLots(new BigDecimal("3"), LotsPer.SYMBOL, Set.of("EURUSD"), FLAG),
                new Rule.MaxLots(new BigDecimal("5"), LotsPer.ACCOUNT, Set.of(), FLAG),
                new Rule.MaxOpenPositions(2, FLAG)), null));
        engine = new Engine(firm(program), decisions::add);
        apply(start("2026-03-02T09:00:00Z", "d", null));
        apply(quote("2026-03-02T09:00:01Z", "EURUSD", "1.08000", "1.08010"));
        apply(quote("2026-03-02T09:00:01Z", "XAUUSD", "2000.00", "2000.50"));
        apply(open("2026-03-02T09:01:00Z", "d", "d1", "EURUSD", Side.BUY, "1.5", "1.08010"));
        apply(open("2026-03-02T09:02:00Z", "d", "d2", "EURUSD", Side.SELL, "1.0", "1.08000"));
        apply(open("2026-03-02T09:03:00Z", "d", "d3", "XAUUSD", Side.BUY, "2.5", "2000.50"));
        assertStatus("d",
                "profit_target pending value=0.00 limit=10000.00 distance=10000.00 basis=reference_balance:100000.00"
                        + " reset=null pass strikes=null",
                "consistency ok value=0.00 limit=4000.00 distance=4000.00 basis=profit_target:10000.00"
                        + " reset=null raise_target strikes=null",
                "max_lots violated value=2.5 limit=2 distance=-0.5 basis=null reset=null fail strikes=1",
                "max_lots ok value=2.5 limit=3 distance=0.5 basis=null reset=null flag strikes=0",
                "max_lots ok value=5 limit=5 distance=0 basis=null reset=null flag strikes=0",
                "max_open_positions violated value=3 limit=2 distance=-1 basis=null reset=null flag strikes=1");

        apply(close("2026-03-02T10:00:00Z", "d", "d3", "2000.00", "5000"));
        // a 5000 best day at 40 % asks for a 12500 target
        assertStatus("d",
                "profit_target pending value=5000.00 limit=12500.00 distance=7500.00 basis=reference_balance:100000.00"
                        + " reset=null pass strikes=null",
                "consistency raised value=5000.00 limit=4000.00 distance=-1000.00 basis=profit_target:10000.00"
                        + " reset=null raise_target strikes=null",
                "max_lots violated value=1.5 limit=2 distance=0.5 basis=null reset=null fail strikes=1",
                "max_lots ok value=2.5 limit=3 distance=0.5 basis=null reset=null flag strikes=0",
                "max_lots ok value=2.5 limit=5 distance=2.5 basis=null reset=null flag strikes=0",
                "max_open_positions violated value=2 limit=2 distance=0 basis=null reset=null flag strikes=1");
    }

    // ---- a pause and the next day -----------------------------------------------------------------

    @Example
    void dailyPauseIsBreachedUntilTheBoundaryThenTheBaseResets() {
        Program program = program("UTC", new Phase("challenge", null, false, List.of(
                new Rule.DailyLoss(new LimitAmount.Fixed(100_000), DailyBase.BALANCE, DailyAmountOf.INITIAL, true,
                        Enforcement.of(Consequence.PAUSE)),
                maxLoss(percent("10"), MaxLossMode.STATIC, null, LossMeasure.EQUITY)), null));
        engine = new Engine(firm(program), decisions::add);
        apply(start("2026-03-02T09:00:00Z", "e", null));
        apply(quote("2026-03-02T09:00:01Z", "EURUSD", "1.08000", "1.08010"));
        apply(open("2026-03-02T09:01:00Z", "e", "e1", "EURUSD", Side.BUY, "1", "1.08010"));
        apply(quote("2026-03-02T10:00:00Z", "EURUSD", "1.06990", "1.07000")); // -1020: paused, closed
        assertThat(engine.accountInfo("e").status()).isEqualTo(Status.PAUSED);
        assertStatus("e",
                "daily_loss breached value=98980.00 limit=99000.00 distance=-20.00 basis=day_start_balance:100000.00"
                        + " reset=2026-03-03T00:00:00Z pause strikes=1",
                "max_loss ok value=98980.00 limit=90000.00 distance=8980.00 basis=reference_balance:100000.00"
                        + " reset=null fail strikes=null");
        apply(clock("2026-03-03T01:00:00Z"));
        assertThat(engine.accountInfo("e").status()).isEqualTo(Status.ACTIVE);
        assertStatus("e",
                "daily_loss ok value=98980.00 limit=97980.00 distance=1000.00 basis=day_start_balance:98980.00"
                        + " reset=2026-03-04T00:00:00Z pause strikes=1",
                "max_loss ok value=98980.00 limit=90000.00 distance=8980.00 basis=reference_balance:100000.00"
                        + " reset=null fail strikes=null");
    }

    // ---- read only ----------------------------------------------------------------------------------

    @Example
    void readingChangesNothingInTheSnapshot() {
        Program program = program("UTC", new Phase("challenge", null, false, List.of(
                new Rule.DailyLoss(percent("3"), DailyBase.PEAK_EQUITY, DailyAmountOf.INITIAL, true, FAIL),
                maxLoss(percent("5"), MaxLossMode.TRAILING_EQUITY, null, LossMeasure.EQUITY)), null));
        engine = new Engine(firm(program), decisions::add);
        apply(start("2026-03-02T09:00:00Z", "f", null));
        apply(quote("2026-03-02T09:00:01Z", "EURUSD", "1.08000", "1.08010"));
        apply(open("2026-03-02T09:01:00Z", "f", "f1", "EURUSD", Side.BUY, "3", "1.08010"));
        apply(quote("2026-03-02T09:05:00Z", "EURUSD", "1.07995", "1.08005")); // -45: inside the quiet band
        byte[] before = SnapshotTest.snapshot(engine);
        List<RuleStatus> status = engine.ruleStatus("f");
        assertThat(SnapshotTest.snapshot(engine)).isEqualTo(before);
        // equity at the latest quote, although the account was last evaluated at the previous one
        assertThat(status.getFirst().value()).isEqualTo(new Measure.Money(10_000_000 - 4_500));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void assertStatus(String account, String... expected) {
        assertThat(engine.ruleStatus(account)).extracting(RuleStatusTest::render).containsExactly(expected);
    }

    /** One status on a line: money with two decimals, quantities exact, instants as ISO-8601. */
    static String render(RuleStatus status) {
        String basis = status.basis() == null ? "null"
                : status.basis() + (status.basisCents() == null ? "" : ":" + money(status.basisCents()));
        return status.rule() + " " + status.state().wireName() + " value=" + render(status.value()) + " limit="
                + render(status.limit()) + " distance=" + render(status.distance()) + " basis=" + basis + " reset="
                + status.nextReset() + " " + status.consequence() + " strikes=" + status.strikes();
    }

    private static String render(Measure measure) {
        return switch (measure) {
            case null -> "null";
            case Measure.Money money -> money(money.cents());
            case Measure.Quantity quantity -> quantity.amount().stripTrailingZeros().toPlainString();
            case Measure.At at -> at.instant().toString();
            case Measure.Window window -> "[" + window.start() + ", " + window.end() + "]";
        };
    }

    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private void apply(Event event) {
        engine.apply(event);
    }

    private static FirmConfig firm(Program program) {
        return new FirmConfig(Map.of("XAUUSD", XAUUSD), List.of(program), RiskConfig.NONE);
    }

    private static Program program(String zone, Phase... phases) {
        return new Program("two-step", 1, "Two-Step 100K", "USD", 10_000_000L,
                new TradingDay(ZoneId.of(zone), LocalTime.MIDNIGHT), List.of(phases));
    }

    private static Phase verification() {
        return new Phase("verification", null, false, List.of(target("5"),
                new Rule.DailyLoss(percent("5"), DailyBase.BALANCE, DailyAmountOf.INITIAL, true, FAIL),
                maxLoss(percent("10"), MaxLossMode.STATIC, null, LossMeasure.EQUITY)), null);
    }

    private static Rule target(String percent) {
        return new Rule.ProfitTarget(percent(percent), ProfitMeasure.BALANCE, true);
    }

    private static Rule maxLoss(LimitAmount amount, MaxLossMode mode, Long lockAtCents, LossMeasure measure) {
        return new Rule.MaxLoss(amount, mode, lockAtCents, MaxLossAmountOf.INITIAL, measure, OnPayout.KEEP, true, FAIL);
    }

    private static LimitAmount percent(String percent) {
        return new LimitAmount.Percent(new BigDecimal(percent));
    }

    private String id() {
        return "e" + ids++;
    }

    private Event start(String time, String account, String previous) {
        return new Event.AccountStarted(Instant.parse(time), id(), account, previous, "two-step", null, null, null,
                null, null);
    }

    private Event quote(String time, String symbol, String bid, String ask) {
        return new Event.Quote(Instant.parse(time), id(), symbol, new BigDecimal(bid), new BigDecimal(ask));
    }

    private Event open(String time, String account, String position, String symbol, Side side, String lots,
                       String price) {
        return new Event.PositionOpened(Instant.parse(time), id(), account, position, symbol, side,
                new BigDecimal(lots), new BigDecimal(price), null, null, null);
    }

    private Event close(String time, String account, String position, String price, String profit) {
        return new Event.PositionClosed(Instant.parse(time), id(), account, position, new BigDecimal(price), null,
                profit == null ? null : new BigDecimal(profit), null, null);
    }

    private Event clock(String time) {
        return new Event.Clock(Instant.parse(time), id());
    }
}
