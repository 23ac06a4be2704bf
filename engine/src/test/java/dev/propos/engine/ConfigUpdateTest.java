package dev.propos.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.config.TradingDay;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Side;
import dev.propos.engine.rule.LimitAmount;
import dev.propos.engine.rule.Rule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;

/** {@link Engine#updateConfig}: a running engine takes added programs, versions and symbols, and nothing else. */
class ConfigUpdateTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final SymbolSpec XAUUSD = new SymbolSpec("XAUUSD", BigDecimal.valueOf(100), "USD");
    private static final SymbolSpec US30 = new SymbolSpec("US30", BigDecimal.ONE, "USD");

    private final List<Decision> decisions = new ArrayList<>();
    private int ids;

    @Example
    void newVersionServesAccountsStartedAfterIt() {
        Engine engine = new Engine(config(Map.of(), RiskConfig.NONE, program("p", 1, "8")), decisions::add);
        engine.apply(start(T0, "A", "p", null));
        engine.updateConfig(config(Map.of(), RiskConfig.NONE, program("p", 1, "8"), program("p", 2, "5")));
        engine.apply(start(T0.plusSeconds(1), "B", "p", null));
        engine.apply(start(T0.plusSeconds(2), "C", "p", 1));
        for (String account : List.of("A", "B", "C")) {
            engine.apply(open(T0.plusSeconds(10), account, account + "-1", "EURUSD", Side.BUY));
        }
        for (String account : List.of("A", "B", "C")) {
            engine.apply(closeWithProfit(T0.plusSeconds(20), account, account + "-1", "6000"));
        }
        // 6 % passes version 2's 5 % target only; A and C keep version 1 (8 %)
        assertThat(passed()).containsExactly("B");
    }

    @Example
    void newProgramCanBeStarted() {
        Engine engine = new Engine(config(Map.of(), RiskConfig.NONE, program("p", 1, "8")), decisions::add);
        assertThatThrownBy(() -> engine.apply(start(T0, "A", "q", null))).hasMessage("unknown program q");
        engine.updateConfig(config(Map.of(), RiskConfig.NONE, program("p", 1, "8"), program("q", 1, "5")));
        engine.apply(start(T0, "A", "q", null));
        assertThat(engine.statuses()).extracting(Decision.AccountStatus::program).containsExactly("q");
    }

    @Example
    void changedVersionIsRefusedAndNothingChanges() {
        Engine engine = new Engine(config(Map.of(), RiskConfig.NONE, program("p", 1, "8")), decisions::add);
        assertThatThrownBy(() -> engine.updateConfig(config(Map.of(), RiskConfig.NONE, program("p", 1, "7"),
                program("p", 2, "5"))))
                .isInstanceOf(EngineException.class)
                .hasMessage("program p version 1 differs in the new configuration (phases): a published version is"
                        + " immutable, a change needs a new version");
        assertThatThrownBy(() -> engine.apply(start(T0, "A", "p", 2))).hasMessage("unknown program p version 2");
    }

    @Example
    void removedVersionIsRefused() {
        Engine engine = new Engine(config(Map.of(), RiskConfig.NONE, program("p", 1, "8"), program("p", 2, "5")),
                decisions::add);
        assertThatThrownBy(() -> engine.updateConfig(config(Map.of(), RiskConfig.NONE, program("p", 2, "5"))))
                .isInstanceOf(EngineException.class)
                .hasMessage("program p version 1 is missing from the new configuration: a version stays, accounts may"
                        + " run on it");
        assertThatThrownBy(() -> engine.updateConfig(config(Map.of(), RiskConfig.NONE, program("p", 1, "8"))))
                .hasMessageStartingWith("program p version 2 is missing");
    }

    @Example
    void versionTwiceIsRefused() {
        Engine engine = new Engine(config(Map.of(), RiskConfig.NONE, program("p", 1, "8")), decisions::add);
        assertThatThrownBy(() -> engine.updateConfig(config(Map.of(), RiskConfig.NONE, program("p", 1, "8"),
                program("p", 2, "5"), program("p", 2, "4"))))
                .isInstanceOf(EngineException.class)
                .hasMessage("program p version 2 appears twice in the new configuration");
    }

    @Example
    void newSymbolBecomesTradable() {
        Engine engine = new Engine(config(Map.of("XAUUSD", XAUUSD), RiskConfig.NONE, program("p", 1, "8")),
                decisions::add);
        engine.apply(start(T0, "A", "p", null));
        assertThatThrownBy(() -> engine.apply(open(T0.plusSeconds(1), "A", "x", "US30", Side.BUY)))
                .hasMessageStartingWith("unknown symbol US30");
        engine.updateConfig(config(Map.of("XAUUSD", XAUUSD, "US30", US30), RiskConfig.NONE, program("p", 1, "8")));
        engine.apply(open(T0.plusSeconds(2), "A", "x", "US30", Side.BUY));
        engine.apply(quote(T0.plusSeconds(3), "US30", "39010", "39011"));
        assertThat(engine.statuses().getFirst().openPositions()).isEqualTo(1);
    }

    @Example
    void declaredSymbolKeepsItsContract() {
        Engine engine = new Engine(config(Map.of("XAUUSD", XAUUSD), RiskConfig.NONE, program("p", 1, "8")),
                decisions::add);
        assertThatThrownBy(() -> engine.updateConfig(config(Map.of("XAUUSD",
                new SymbolSpec("XAUUSD", BigDecimal.TEN, "USD")), RiskConfig.NONE, program("p", 1, "8"))))
                .isInstanceOf(EngineException.class)
                .hasMessage("symbol XAUUSD differs in the new configuration: contract_size 100 and profit_currency USD"
                        + " before, 10 and USD now; open positions are valued with its contract");
        assertThatThrownBy(() -> engine.updateConfig(config(Map.of(), RiskConfig.NONE, program("p", 1, "8"))))
                .hasMessage("symbol XAUUSD is missing from the new configuration");
    }

    @Example
    void tradedCurrencyPairKeepsItsImplicitContract() {
        Engine engine = new Engine(config(Map.of(), RiskConfig.NONE, program("p", 1, "8")), decisions::add);
        engine.apply(start(T0, "A", "p", null));
        engine.apply(open(T0.plusSeconds(1), "A", "x", "EURUSD", Side.BUY));
        assertThatThrownBy(() -> engine.updateConfig(config(Map.of("EURUSD",
                new SymbolSpec("EURUSD", BigDecimal.valueOf(10_000), "USD")), RiskConfig.NONE, program("p", 1, "8"))))
                .isInstanceOf(EngineException.class)
                .hasMessage("symbol EURUSD is already traded with contract_size 100000 and profit_currency USD; the new"
                        + " configuration gives contract_size 10000 and profit_currency USD");
        // declared as it was implied: nothing changes
        engine.updateConfig(config(Map.of("EURUSD", new SymbolSpec("EURUSD", new BigDecimal("100000"), "USD")),
                RiskConfig.NONE, program("p", 1, "8")));
    }

    /**
     * Risk settings apply from the next open, against the opens the previous settings still
     * remembered: none while detection was off, and those within the previous window.
     */
    @Example
    void riskSettingsApplyFromTheNextOpen() {
        Engine engine = new Engine(config(Map.of(), RiskConfig.NONE, program("p", 1, "8")), decisions::add);
        engine.apply(start(T0, "A", "p", null));
        engine.apply(start(T0, "B", "p", null));
        engine.apply(open(T0.plusSeconds(1), "A", "a1", "EURUSD", Side.BUY));
        engine.apply(open(T0.plusSeconds(2), "B", "b1", "EURUSD", Side.SELL)); // off: not even remembered
        engine.updateConfig(config(Map.of(), new RiskConfig(null, new RiskConfig.Hedging(10, false)),
                program("p", 1, "8")));
        engine.apply(open(T0.plusSeconds(3), "A", "a2", "EURUSD", Side.BUY));
        engine.apply(open(T0.plusSeconds(60), "A", "a3", "EURUSD", Side.BUY));
        engine.apply(open(T0.plusSeconds(65), "A", "a4", "EURUSD", Side.BUY));
        assertThat(riskFlags()).isEmpty();

        // widened to 100 s at 65 s: a2 (3 s) lies beyond the previous 10 s window and is forgotten
        engine.updateConfig(config(Map.of(), new RiskConfig(null, new RiskConfig.Hedging(100, false)),
                program("p", 1, "8")));
        engine.apply(open(T0.plusSeconds(70), "B", "b2", "EURUSD", Side.SELL));
        assertThat(riskFlags()).hasSize(1);
        Decision.RiskFlag flag = riskFlags().getFirst();
        assertThat(flag.kind()).isEqualTo("hedging");
        assertThat(flag.evidence()).extracting(Decision.MatchedPosition::position).containsExactly("a3", "b2");

        engine.updateConfig(config(Map.of(), RiskConfig.NONE, program("p", 1, "8")));
        engine.apply(open(T0.plusSeconds(75), "B", "b3", "EURUSD", Side.SELL));
        engine.apply(start(T0.plusSeconds(76), "C", "p", null));
        engine.apply(open(T0.plusSeconds(77), "C", "c1", "EURUSD", Side.SELL));
        assertThat(riskFlags()).hasSize(1);
    }

    @Example
    void snapshotKeepsTheNewerConfiguration() throws IOException {
        Engine engine = new Engine(config(Map.of(), RiskConfig.NONE, program("p", 1, "8")), decisions::add);
        engine.updateConfig(config(Map.of("US30", US30), RiskConfig.NONE, program("p", 1, "8"), program("p", 2, "5")));
        Engine restored = Engine.restore(new ByteArrayInputStream(SnapshotTest.snapshot(engine)), decisions::add);
        restored.apply(start(T0, "B", "p", null));
        restored.apply(open(T0.plusSeconds(10), "B", "b", "US30", Side.BUY));
        restored.apply(closeWithProfit(T0.plusSeconds(20), "B", "b", "6000"));
        assertThat(passed()).containsExactly("B");
    }

    // ---- fixtures -------------------------------------------------------------------------------

    private static Program program(String id, int version, String targetPercent) {
        Rule target = new Rule.ProfitTarget(new LimitAmount.Percent(new BigDecimal(targetPercent)),
                Rule.ProfitMeasure.BALANCE, false);
        Phase phase = new Phase("evaluation", null, false, List.of(target), null);
        return new Program(id, version, id + " v" + version, "USD", 10_000_000L, TradingDay.UTC_MIDNIGHT,
                List.of(phase));
    }

    private static FirmConfig config(Map<String, SymbolSpec> symbols, RiskConfig risk, Program... programs) {
        return new FirmConfig(symbols, List.of(programs), risk);
    }

    private Event.AccountStarted start(Instant time, String account, String program, Integer version) {
        return new Event.AccountStarted(time, nextId(), account, null, program, version, null, null, "T-" + account,
                null);
    }

    private Event.PositionOpened open(Instant time, String account, String position, String symbol, Side side) {
        return new Event.PositionOpened(time, nextId(), account, position, symbol, side, BigDecimal.ONE,
                new BigDecimal("1.08000"), null, null, null);
    }

    private Event.PositionClosed closeWithProfit(Instant time, String account, String position, String profit) {
        return new Event.PositionClosed(time, nextId(), account, position, new BigDecimal("1.14000"), null,
                new BigDecimal(profit), null, null);
    }

    private Event.Quote quote(Instant time, String symbol, String bid, String ask) {
        return new Event.Quote(time, nextId(), symbol, new BigDecimal(bid), new BigDecimal(ask));
    }

    private String nextId() {
        return "e" + ids++;
    }

    private List<String> passed() {
        return decisions.stream().filter(d -> d instanceof Decision.PhasePassed)
                .map(d -> ((Decision.PhasePassed) d).account()).toList();
    }

    private List<Decision.RiskFlag> riskFlags() {
        return decisions.stream().filter(d -> d instanceof Decision.RiskFlag).map(d -> (Decision.RiskFlag) d).toList();
    }
}
