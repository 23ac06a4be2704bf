package dev.propos.formats.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.PayoutPolicy;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.config.TradingDay;
import dev.propos.engine.event.Impact;
import dev.propos.engine.rule.Consequence;
import dev.propos.engine.rule.Enforcement;
import dev.propos.engine.rule.LimitAmount;
import dev.propos.engine.rule.Rule;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigReaderDefaultsTest {

    private static final String EVERY_RULE = """
            programs:
              - id: all-rules
                version: 1
                initial_balance: 100000
                phases:
                  - id: challenge
                    next: funded
                    rules:
                      - { rule: profit_target, percent: 10 }
                      - { rule: daily_loss, percent: 5 }
                      - { rule: max_loss, amount: 10000 }
                      - { rule: min_trading_days, days: 4 }
                      - { rule: time_limit, days: 30 }
                      - { rule: inactivity, days: 30 }
                      - { rule: consistency, max_day_percent: 40 }
                      - { rule: max_lots, lots: 20 }
                      - { rule: max_open_positions, positions: 10 }
                      - { rule: news }
                      - { rule: weekend_holding }
                      - { rule: stop_loss_required }
                      - { rule: min_trade_duration, seconds: 60 }
                  - id: funded
                    funded: true
                    payouts: { split_percent: 80 }
            """;

    private static FirmConfig read(String yaml) {
        return ConfigReader.merge(List.of(new ConfigSource("firm.yaml", yaml)));
    }

    private static List<Rule> rules() {
        return read(EVERY_RULE).programs().getFirst().firstPhase().rules();
    }

    private static Enforcement enforcement(Consequence consequence) {
        return Enforcement.of(consequence);
    }

    @Test
    void programDefaults() {
        Program program = read(EVERY_RULE).program("all-rules", null);

        assertThat(program.version()).isEqualTo(1);
        assertThat(program.name()).isEqualTo("all-rules");
        assertThat(program.currency()).isEqualTo("USD");
        assertThat(program.initialBalanceCents()).isEqualTo(10_000_000);
        assertThat(program.tradingDay()).isEqualTo(TradingDay.UTC_MIDNIGHT);
        assertThat(program.phases()).extracting(Phase::id).containsExactly("challenge", "funded");
        assertThat(program.phase("challenge").next()).isEqualTo("funded");
        assertThat(program.phase("challenge").funded()).isFalse();
        assertThat(program.phase("challenge").payouts()).isNull();
        assertThat(program.phase("funded").next()).isNull();
        assertThat(program.phase("funded").rules()).isEmpty();
    }

    @Test
    void payoutDefaults() {
        PayoutPolicy payouts = read(EVERY_RULE).program("all-rules", 1).phase("funded").payouts();

        assertThat(payouts).isEqualTo(new PayoutPolicy(new BigDecimal("80"), 0, 0, 0, true, false));
    }

    @Test
    void objectiveRuleDefaults() {
        List<Rule> rules = rules();

        assertThat(rules.get(0)).isEqualTo(new Rule.ProfitTarget(new LimitAmount.Percent(new BigDecimal("10")),
                Rule.ProfitMeasure.BALANCE, true));
        assertThat(rules.get(3)).isEqualTo(new Rule.MinTradingDays(4, Rule.DayCount.OPENED, new BigDecimal("0.5"),
                Rule.AppliesTo.PASS));
        assertThat(rules.get(6)).isEqualTo(new Rule.Consistency(new BigDecimal("40"), Rule.ConsistencyBasis.NET, true,
                Rule.ConsistencyMode.BLOCK, Rule.AppliesTo.PASS));
    }

    @Test
    void lossRuleDefaults() {
        List<Rule> rules = rules();

        assertThat(rules.get(1)).isEqualTo(new Rule.DailyLoss(new LimitAmount.Percent(new BigDecimal("5")),
                Rule.DailyBase.BALANCE, Rule.DailyAmountOf.INITIAL, true, enforcement(Consequence.FAIL)));
        assertThat(rules.get(2)).isEqualTo(new Rule.MaxLoss(new LimitAmount.Fixed(1_000_000), Rule.MaxLossMode.STATIC,
                null, Rule.MaxLossAmountOf.INITIAL, Rule.LossMeasure.EQUITY, Rule.OnPayout.KEEP, true,
                enforcement(Consequence.FAIL)));
        assertThat(rules.get(4)).isEqualTo(new Rule.TimeLimit(30, enforcement(Consequence.FAIL)));
        assertThat(rules.get(5)).isEqualTo(new Rule.Inactivity(30, enforcement(Consequence.FAIL)));
    }

    @Test
    void softRuleDefaults() {
        List<Rule> rules = rules();

        assertThat(rules.get(7)).isEqualTo(new Rule.MaxLots(new BigDecimal("20"), Rule.LotsPer.POSITION, Set.of(),
                enforcement(Consequence.FLAG)));
        assertThat(rules.get(8)).isEqualTo(new Rule.MaxOpenPositions(10, enforcement(Consequence.FLAG)));
        assertThat(rules.get(9)).isEqualTo(new Rule.NewsRestriction(2, 2, Set.of(Impact.HIGH),
                Rule.NewsScope.OPEN_OR_CLOSE, enforcement(Consequence.FLAG)));
        assertThat(rules.get(10)).isEqualTo(new Rule.WeekendHolding(DayOfWeek.FRIDAY, LocalTime.of(21, 0),
                enforcement(Consequence.CLOSE_POSITION)));
        assertThat(rules.get(11)).isEqualTo(new Rule.StopLossRequired(0, null, enforcement(Consequence.FLAG)));
        assertThat(rules.get(12)).isEqualTo(new Rule.MinTradeDuration(60, enforcement(Consequence.FLAG)));
        assertThat(((Rule.NewsRestriction) rules.get(9)).enforcement().keepPercent()).isZero();
    }

    @Test
    void everyParameterGiven() {
        FirmConfig config = read("""
                symbols:
                  XAUUSD: { contract_size: 100, profit_currency: USD }
                  US30: { contract_size: 1, profit_currency: USD }
                programs:
                  - id: futures
                    version: 2
                    name: Futures 50K
                    currency: EUR
                    initial_balance: 50_000.5
                    trading_day: { zone: America/New_York, start: "17:00" }
                    phases:
                      - id: eval
                        rules:
                          - { rule: profit_target, amount: 3000, measure: equity, require_flat: false }
                          - { rule: daily_loss, amount: 1000, base: peak_equity, of: base, inclusive: false, on_violation: pause, max_strikes: 3 }
                          - { rule: max_loss, percent: 4, mode: trailing_eod, lock_at: 100.5, of: high_water, measure: lower, on_payout: floor_at_initial, inclusive: false }
                          - { rule: min_trading_days, days: 5, count: profitable, min_day_profit_percent: 0.25, applies_to: payout }
                          - { rule: consistency, max_day_percent: 30, of: positive, inclusive: false, mode: raise_target }
                          - { rule: max_lots, lots: 2.5, per: symbol, symbols: [XAUUSD, US30], on_violation: close_position, max_strikes: 2 }
                          - { rule: news, before_minutes: 5, after_minutes: 0, impact: [medium, high], applies_to: open_and_close, on_violation: exclude_profit, keep_percent: 20 }
                          - { rule: weekend_holding, cutoff: { day: saturday, time: "06:30" }, on_violation: fail }
                          - { rule: stop_loss_required, within_seconds: 30, max_risk_percent: 1.5, on_violation: close_position }
                          - { rule: min_trade_duration, seconds: 120, on_violation: exclude_profit }
                risk:
                  copy_trading: { window_seconds: 5, min_matches: 3 }
                  hedging: { window_seconds: 60, same_trader_only: true }
                """);

        assertThat(config.symbols()).containsOnlyKeys("XAUUSD", "US30");
        assertThat(config.symbol("XAUUSD")).isEqualTo(new SymbolSpec("XAUUSD", new BigDecimal("100"), "USD"));
        assertThat(config.risk()).isEqualTo(new RiskConfig(new RiskConfig.CopyTrading(5, 3),
                new RiskConfig.Hedging(60, true)));
        Program program = config.program("futures", 2);
        assertThat(program.name()).isEqualTo("Futures 50K");
        assertThat(program.currency()).isEqualTo("EUR");
        assertThat(program.initialBalanceCents()).isEqualTo(5_000_050);
        assertThat(program.tradingDay()).isEqualTo(new TradingDay(ZoneId.of("America/New_York"), LocalTime.of(17, 0)));
        List<Rule> rules = program.firstPhase().rules();
        assertThat(rules).containsExactly(
                new Rule.ProfitTarget(new LimitAmount.Fixed(300_000), Rule.ProfitMeasure.EQUITY, false),
                new Rule.DailyLoss(new LimitAmount.Fixed(100_000), Rule.DailyBase.PEAK_EQUITY, Rule.DailyAmountOf.BASE,
                        false, new Enforcement(Consequence.PAUSE, 3, BigDecimal.ZERO)),
                new Rule.MaxLoss(new LimitAmount.Percent(new BigDecimal("4")), Rule.MaxLossMode.TRAILING_EOD, 10_050L,
                        Rule.MaxLossAmountOf.HIGH_WATER, Rule.LossMeasure.LOWER, Rule.OnPayout.FLOOR_AT_INITIAL, false,
                        enforcement(Consequence.FAIL)),
                new Rule.MinTradingDays(5, Rule.DayCount.PROFITABLE, new BigDecimal("0.25"), Rule.AppliesTo.PAYOUT),
                new Rule.Consistency(new BigDecimal("30"), Rule.ConsistencyBasis.POSITIVE, false,
                        Rule.ConsistencyMode.RAISE_TARGET, Rule.AppliesTo.PASS),
                new Rule.MaxLots(new BigDecimal("2.5"), Rule.LotsPer.SYMBOL, Set.of("XAUUSD", "US30"),
                        new Enforcement(Consequence.CLOSE_POSITION, 2, BigDecimal.ZERO)),
                new Rule.NewsRestriction(5, 0, Set.of(Impact.MEDIUM, Impact.HIGH), Rule.NewsScope.OPEN_AND_CLOSE,
                        new Enforcement(Consequence.EXCLUDE_PROFIT, 0, new BigDecimal("20"))),
                new Rule.WeekendHolding(DayOfWeek.SATURDAY, LocalTime.of(6, 30), enforcement(Consequence.FAIL)),
                new Rule.StopLossRequired(30, new BigDecimal("1.5"), enforcement(Consequence.CLOSE_POSITION)),
                new Rule.MinTradeDuration(120, enforcement(Consequence.EXCLUDE_PROFIT)));
    }

    @Test
    void noRiskSectionTurnsDetectorsOff() {
        assertThat(read(EVERY_RULE).risk()).isEqualTo(RiskConfig.NONE);
    }

    @Test
    void weekendCutoffPartsDefaultSeparately() {
        Rule rule = read("""
                programs:
                  - id: p
                    version: 1
                    initial_balance: 1000
                    phases:
                      - id: only
                        rules:
                          - { rule: weekend_holding, cutoff: { time: "20:00" } }
                """).programs().getFirst().firstPhase().rules().getFirst();

        assertThat(rule).isEqualTo(new Rule.WeekendHolding(DayOfWeek.FRIDAY, LocalTime.of(20, 0),
                enforcement(Consequence.CLOSE_POSITION)));
    }

    @Test
    void jsonIsReadToo() {
        FirmConfig config = ConfigReader.merge(List.of(new ConfigSource("firm.json", """
                {"programs": [{"id": "p", "version": 1, "initial_balance": 1000,
                  "phases": [{"id": "only", "rules": [{"rule": "daily_loss", "percent": 5}]}]}]}
                """)));

        assertThat(config.program("p", 1).firstPhase().rules()).hasSize(1);
    }

    @Test
    void filesAreMerged() {
        FirmConfig config = ConfigReader.merge(List.of(
                new ConfigSource("symbols.yaml", "symbols:\n  US30: { contract_size: 1, profit_currency: USD }\n"),
                new ConfigSource("v1.yaml", program("p", 1)),
                new ConfigSource("v2.yaml", program("p", 2) + "risk:\n  hedging: { window_seconds: 60 }\n")));

        assertThat(config.symbols()).containsOnlyKeys("US30");
        assertThat(config.programs()).extracting(Program::version).containsExactly(1, 2);
        assertThat(config.program("p", null).version()).isEqualTo(2);
        assertThat(config.risk()).isEqualTo(new RiskConfig(null, new RiskConfig.Hedging(60, false)));
    }

    @Test
    void emptySectionsAreNoSections() {
        FirmConfig config = read("symbols:\nrisk:\nprograms:\n");

        assertThat(config.symbols()).isEmpty();
        assertThat(config.programs()).isEmpty();
        assertThat(config.risk()).isEqualTo(RiskConfig.NONE);
    }

    static String program(String id, int version) {
        return """
                programs:
                  - id: %s
                    version: %d
                    initial_balance: 1000
                    phases:
                      - id: only
                """.formatted(id, version);
    }
}
