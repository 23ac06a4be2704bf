package dev.propos.formats.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigReaderErrorsTest {

    /** A valid program whose only rule, on line 8, is {@code rule}. */
    private static String withRule(String rule) {
        return """
                programs:
                  - id: p
                    version: 1
                    initial_balance: 1000
                    phases:
                      - id: only
                        rules:
                          - %s
                """.formatted(rule);
    }

    static Stream<Arguments> ruleErrors() {
        return Stream.of(
                arguments("{ rule: daily_lost, percent: 5 }", "unknown rule 'daily_lost' (known rules: profit_target,"),
                arguments("{ percent: 5 }", "rule entry: missing rule"),
                arguments("{ rule: 5 }", "rule entry: rule must be a non-empty string, got the number 5"),
                arguments("{ rule: max_lots }", "rule max_lots: missing lots"),
                arguments("{ rule: daily_loss }", "rule daily_loss: missing percent or amount"),
                arguments("{ rule: daily_loss, percent: 5, amount: 500 }", "rule daily_loss: give percent or amount, not both"),
                arguments("{ rule: daily_loss, percent: 5, base: peak }",
                        "rule daily_loss: unknown base 'peak' (expected balance, equity, max, peak_equity)"),
                arguments("{ rule: max_lots, lots: 1, on_violation: pause }",
                        "rule max_lots: on_violation pause is not allowed (allowed: flag, fail, close_position)"),
                arguments("{ rule: max_loss, percent: 10, on_violation: pause }",
                        "rule max_loss: on_violation pause is not allowed (allowed: fail)"),
                arguments("{ rule: news, on_violation: warn }",
                        "rule news: unknown on_violation 'warn' (expected fail, pause, flag, close_position, exclude_profit)"),
                arguments("{ rule: max_lots, lots: 1, on_violation: fail, max_strikes: 2 }",
                        "rule max_lots: max_strikes needs on_violation flag, close_position, exclude_profit or pause, not fail"),
                arguments("{ rule: daily_loss, percent: 5, max_strikes: 2 }", "rule daily_loss: max_strikes needs on_violation flag, close_position, exclude_profit or pause, not fail"),
                arguments("{ rule: max_lots, lots: 1, max_strikes: 0 }", "rule max_lots: max_strikes must be > 0, got 0"),
                arguments("{ rule: profit_target, percent: 10, on_violation: fail }",
                        "rule profit_target is an objective, not a limit: it takes no on_violation"),
                arguments("{ rule: consistency, max_day_percent: 30, max_strikes: 2 }", "rule consistency is an objective, not a limit: it takes no max_strikes"),
                arguments("{ rule: news, keep_percent: 50 }", "rule news: keep_percent needs on_violation exclude_profit"),
                arguments("{ rule: news, on_violation: exclude_profit, keep_percent: 150 }",
                        "rule news: keep_percent must be between 0 and 100, got 150"),
                arguments("{ rule: consistency, max_day_percent: 30, mode: raise_target, applies_to: payout }",
                        "rule consistency: mode raise_target raises the profit target, so it needs applies_to pass"),
                arguments("{ rule: consistency, max_day_percent: 130 }", "rule consistency: max_day_percent must be at most 100, got 130"),
                arguments("{ rule: weekend_holding, cutoff: { day: friday, time: \"24:00\" } }",
                        "rule weekend_holding cutoff: time must be a time \"HH:MM\" (00:00 to 23:59), got '24:00'"),
                arguments("{ rule: weekend_holding, cutoff: { day: fri } }",
                        "rule weekend_holding cutoff: unknown day 'fri' (expected monday,"),
                arguments("{ rule: weekend_holding, cutoff: { hour: 21 } }",
                        "rule weekend_holding cutoff: unknown parameter 'hour'"),
                arguments("{ rule: weekend_holding, cutoff: friday }",
                        "rule weekend_holding cutoff must be a mapping, got the string 'friday'"),
                arguments("{ rule: min_trading_days, days: 2.5 }", "rule min_trading_days: days must be a whole number, got the number 2.5"),
                arguments("{ rule: min_trading_days, days: four }",
                        "rule min_trading_days: days must be a decimal number, got the string 'four'"),
                arguments("{ rule: min_trading_days, days: 0 }", "rule min_trading_days: days must be > 0, got 0"),
                arguments("{ rule: profit_target, percent: 10, require_flat: \"yes\" }",
                        "rule profit_target: require_flat must be true or false, got the string 'yes'"),
                arguments("{ rule: daily_loss, percent: -5 }", "rule daily_loss: percent must be > 0, got -5"),
                arguments("{ rule: max_loss, amount: 0 }", "rule max_loss: amount must be > 0, got 0"),
                arguments("{ rule: max_lots, lots: 0 }", "rule max_lots: lots must be > 0, got 0"),
                arguments("{ rule: max_lots, lots: 1, symbols: [] }", "rule max_lots: symbols must not be empty"),
                arguments("{ rule: max_open_positions, positions: -1 }", "rule max_open_positions: positions must be > 0, got -1"),
                arguments("{ rule: news, before_minutes: -1 }", "rule news: before_minutes must be >= 0, got -1"),
                arguments("{ rule: news, impact: high }", "rule news: impact must be a non-empty list of low, medium, high"),
                arguments("{ rule: news, impact: [severe] }", "rule news: unknown impact 'severe' (expected low, medium, high)"),
                arguments("{ rule: stop_loss_required, max_risk_percent: 0 }", "rule stop_loss_required: max_risk_percent must be > 0, got 0"),
                arguments("{ rule: time_limit, days: 30, on_violation: flag }", "rule time_limit: on_violation flag is not allowed (allowed: fail)"),
                arguments("{ rule: min_trade_duration, seconds: 60, on_violation: close_position }",
                        "rule min_trade_duration: on_violation close_position is not allowed (allowed: flag, exclude_profit)"),
                arguments("daily_loss", "rule entry must be a mapping, got the string 'daily_loss'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleErrors")
    void ruleErrorsNameTheRuleLine(String rule, String message) {
        assertError(withRule(rule), 8, message);
    }

    static Stream<Arguments> documentErrors() {
        return Stream.of(
                arguments("unknown parameter, on its own line", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            phases:
                              - id: only
                                rules:
                                  - rule: daily_loss
                                    percent: 5
                                    basis: equity
                        """, 10, "rule daily_loss: unknown parameter 'basis'"),
                arguments("YAML syntax", """
                        programs:
                          - id: p
                            version: 1
                           initial_balance: 1000
                        """, 4, "YAML syntax error:"),
                arguments("unclosed flow mapping", """
                        programs:
                          - { id: p, version: 1
                          - { id: q }
                        """, 3, "YAML syntax error: while parsing a flow mapping"),
                arguments("duplicate key", """
                        programs:
                          - id: p
                            version: 1
                            version: 2
                        """, 4, "duplicate key 'version'"),
                arguments("unknown section", """
                        symbols: {}
                        program: []
                        """, 2, "unknown section 'program' (expected symbols, programs, risk)"),
                arguments("unknown section without a value", "symbols:\nprogram:\n", 2,
                        "unknown section 'program' (expected symbols, programs, risk)"),
                arguments("programs not a list", "programs: { id: p }\n", 1, "programs must be a list, got a mapping"),
                arguments("missing version", """
                        programs:
                          - id: p
                            initial_balance: 1000
                            phases: [ { id: only } ]
                        """, 2, "program p: missing version"),
                arguments("version not a number", """
                        programs:
                          - id: p
                            version: one
                        """, 3, "program p: version must be a decimal number, got the string 'one'"),
                arguments("zero balance", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 0
                        """, 4, "program p: initial_balance must be > 0, got 0"),
                arguments("bad currency", """
                        programs:
                          - id: p
                            version: 1
                            currency: usd
                        """, 4, "program p: currency must be a three-letter currency code such as USD, got 'usd'"),
                arguments("unknown zone", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            trading_day: { zone: Europe/Praha, start: "00:00" }
                        """, 5, "program p trading_day: unknown time zone 'Europe/Praha'"),
                arguments("fixed offset is not a zone", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            trading_day:
                              zone: "+01:00"
                        """, 6, "program p trading_day: unknown time zone '+01:00'"),
                arguments("bad start time", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            trading_day:
                              zone: UTC
                              start: "9:00"
                        """, 7, "program p trading_day: start must be a time \"HH:MM\" (00:00 to 23:59), got '9:00'"),
                arguments("empty program", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            phases: []
                        """, 5, "program p: a program needs at least one phase"),
                arguments("program without phases", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                        """, 2, "program p: missing phases"),
                arguments("next names a missing phase", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            phases:
                              - id: challenge
                                next: verification
                              - id: funded
                                funded: true
                                payouts: { split_percent: 80 }
                        """, 7, "program p phase challenge: next phase 'verification' is not a phase of this program"),
                arguments("phase defined twice", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            phases:
                              - id: a
                              - id: a
                        """, 7, "program p: phase 'a' is defined twice"),
                arguments("funded phase without payouts", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            phases:
                              - id: funded
                                funded: true
                        """, 6, "program p phase funded: a funded phase needs payouts (at least split_percent)"),
                arguments("payouts on a non-funded phase", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            phases:
                              - id: challenge
                                payouts: { split_percent: 80 }
                        """, 7, "program p phase challenge: payouts are only for a phase with funded: true"),
                arguments("split_percent missing", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            phases:
                              - id: funded
                                funded: true
                                payouts: { interval_days: 14 }
                        """, 8, "program p phase funded payouts: missing split_percent"),
                arguments("negative min_amount", """
                        programs:
                          - id: p
                            version: 1
                            initial_balance: 1000
                            phases:
                              - id: funded
                                funded: true
                                payouts:
                                  split_percent: 80
                                  min_amount: -1
                        """, 10, "program p phase funded payouts: min_amount must be >= 0, got -1"),
                arguments("symbol without profit currency", """
                        symbols:
                          US30: { contract_size: 1 }
                        """, 2, "symbol US30: missing profit_currency"),
                arguments("symbol with zero contract size", """
                        symbols:
                          US30:
                            contract_size: 0
                            profit_currency: USD
                        """, 3, "symbol US30: contract_size must be > 0, got 0"),
                arguments("unknown risk detector", """
                        risk:
                          copy_trading: { window_seconds: 5, min_matches: 3 }
                          wash_trading: { window_seconds: 5 }
                        """, 3, "risk: unknown parameter 'wash_trading'"),
                arguments("copy trading without min_matches", """
                        risk:
                          copy_trading: { window_seconds: 5 }
                        """, 2, "risk copy_trading: missing min_matches"),
                arguments("not a mapping", "- a\n- b\n", 1, "a configuration file must be a mapping of symbols, programs and risk, got a list"),
                arguments("empty file", "# nothing here\n", 1, "the configuration file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentErrors")
    void documentErrorsNameTheirLine(String name, String yaml, int line, String message) {
        assertError(yaml, line, message);
    }

    @Test
    void theSameSymbolInTwoFilesIsAnError() {
        ThrowingCallable merge = () -> ConfigReader.merge(List.of(
                new ConfigSource("a.yaml", "symbols:\n  US30: { contract_size: 1, profit_currency: USD }\n"),
                new ConfigSource("b.yaml", "# again\nsymbols:\n  US30: { contract_size: 10, profit_currency: USD }\n")));

        assertThatThrownBy(merge).isInstanceOfSatisfying(ConfigException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.file()).isEqualTo("b.yaml");
            org.assertj.core.api.Assertions.assertThat(e.line()).isEqualTo(3);
        }).hasMessage("b.yaml:3: symbol US30 is already defined at a.yaml:2");
    }

    @Test
    void theSameProgramVersionTwiceIsAnError() {
        ThrowingCallable merge = () -> ConfigReader.merge(List.of(
                new ConfigSource("a.yaml", ConfigReaderDefaultsTest.program("p", 1)),
                new ConfigSource("b.yaml", ConfigReaderDefaultsTest.program("p", 2)),
                new ConfigSource("c.yaml", ConfigReaderDefaultsTest.program("p", 1))));

        assertThatThrownBy(merge).hasMessage("c.yaml:2: program p version 1 is already defined at a.yaml:2");
    }

    @Test
    void theSameRiskDetectorTwiceIsAnError() {
        ThrowingCallable merge = () -> ConfigReader.merge(List.of(
                new ConfigSource("a.yaml", "risk:\n  hedging: { window_seconds: 60 }\n"),
                new ConfigSource("b.yaml", "risk:\n  hedging: { window_seconds: 30 }\n")));

        assertThatThrownBy(merge).hasMessage("b.yaml:2: risk hedging is already defined at a.yaml:2");
    }

    private static void assertError(String yaml, int line, String message) {
        assertThatThrownBy(() -> ConfigReader.merge(List.of(new ConfigSource("firm.yaml", yaml))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("firm.yaml:" + line + ": " + message);
    }
}
