package dev.propos.formats.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.decision.Decision;
import dev.propos.engine.decision.Measure;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionWriterTest {

    private static final Instant T = Instant.parse("2026-03-02T23:00:00Z");

    private static String written(Decision... decisions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionWriter writer = new DecisionWriter(out);
        for (Decision decision : decisions) {
            writer.write(decision);
        }
        writer.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dailyLossBreachAsInTheSharedExample() {
        Decision breach = new Decision.Breach(T, "1001", "two-step-100k", "challenge", "daily_loss", "fail",
                new Measure.Money(9_520_000), new Measure.Money(9_800_000), null, null, null, 10_300_000L, 9_520_000L,
                10_300_000L, null);

        assertThat(written(breach)).isEqualTo("""
                {"type":"breach","time":"2026-03-02T23:00:00Z","account":"1001","program":"two-step-100k",\
                "phase":"challenge","rule":"daily_loss","consequence":"fail","value":95200.00,"limit":98000.00,\
                "day_start_balance":103000.00,"day_start_equity":95200.00,"base_value":103000.00}
                """);
    }

    @Test
    void pausedBreachWithStrikesAndHighWater() {
        Decision breach = new Decision.Breach(Instant.parse("2026-03-02T14:00:00.250Z"), "7", "p", "f", "max_loss",
                "pause", new Measure.Money(-1250), new Measure.Money(-50), Instant.parse("2026-03-03T00:00:00Z"), 3,
                null, null, null, null, 10_000_000L);

        assertThat(written(breach)).isEqualTo("""
                {"type":"breach","time":"2026-03-02T14:00:00.250Z","account":"7","program":"p","phase":"f",\
                "rule":"max_loss","consequence":"pause","value":-12.50,"limit":-0.50,"until":"2026-03-03T00:00:00Z",\
                "strike":3,"high_water":100000.00}
                """);
    }

    @Test
    void breachMeasuresOfEveryKind() {
        Decision lots = new Decision.Breach(T, "1", "p", "f", "max_lots", "fail", new Measure.Quantity(new BigDecimal("2.50")),
                Measure.Quantity.of(2), null, null, "p9", null, null, null, null);
        Decision news = new Decision.Breach(T, "1", "p", "f", "news", "fail", new Measure.At(T),
                new Measure.Window(Instant.parse("2026-03-02T22:58:00Z"), Instant.parse("2026-03-02T23:02:00.500Z")),
                null, null, "p9", null, null, null, null);

        assertThat(written(lots, news)).isEqualTo("""
                {"type":"breach","time":"2026-03-02T23:00:00Z","account":"1","program":"p","phase":"f","rule":"max_lots",\
                "consequence":"fail","value":2.50,"limit":2,"position":"p9"}
                {"type":"breach","time":"2026-03-02T23:00:00Z","account":"1","program":"p","phase":"f","rule":"news",\
                "consequence":"fail","value":"2026-03-02T23:00:00Z",\
                "limit":["2026-03-02T22:58:00Z","2026-03-02T23:02:00.500Z"],"position":"p9"}
                """);
    }

    @Test
    void pauseWithoutUntilPrintsNullAndDailyLossEvidenceIsAlwaysThere() {
        Decision breach = new Decision.Breach(T, "1", "p", "f", "daily_loss", "pause", new Measure.Money(0),
                new Measure.Money(0), null, null, null, null, null, null, null);

        assertThat(written(breach)).isEqualTo("""
                {"type":"breach","time":"2026-03-02T23:00:00Z","account":"1","program":"p","phase":"f","rule":"daily_loss",\
                "consequence":"pause","value":0.00,"limit":0.00,"until":null,"day_start_balance":null,\
                "day_start_equity":null,"base_value":null}
                """);
    }

    @Test
    void violationWithAndWithoutPositionAndEvidence() {
        Decision withPosition = new Decision.Violation(T, "1", "p", "f", "news", "exclude_profit", "p1", 2,
                new Measure.At(T), new Measure.Window(T, T));
        Decision withoutPosition = new Decision.Violation(T, "1", "p", "f", "trading_while_paused", "flag", null, 1,
                null, null);

        assertThat(written(withPosition, withoutPosition)).isEqualTo("""
                {"type":"violation","time":"2026-03-02T23:00:00Z","account":"1","program":"p","phase":"f","rule":"news",\
                "consequence":"exclude_profit","position":"p1","strike":2,"value":"2026-03-02T23:00:00Z",\
                "limit":["2026-03-02T23:00:00Z","2026-03-02T23:00:00Z"]}
                {"type":"violation","time":"2026-03-02T23:00:00Z","account":"1","program":"p","phase":"f",\
                "rule":"trading_while_paused","consequence":"flag","position":null,"strike":1}
                """);
    }

    @Test
    void resumedAndPhasePassed() {
        assertThat(written(new Decision.Resumed(T, "1"),
                new Decision.PhasePassed(Instant.parse("2026-04-08T08:30:00Z"), "2001", "one-step-10k", "evaluation",
                        "funded", 1_109_000, 3),
                new Decision.PhasePassed(T, "2", "p", "last", null, 5, 0))).isEqualTo("""
                {"type":"resumed","time":"2026-03-02T23:00:00Z","account":"1"}
                {"type":"phase_passed","time":"2026-04-08T08:30:00Z","account":"2001","program":"one-step-10k",\
                "phase":"evaluation","next_phase":"funded","balance":11090.00,"trading_days":3}
                {"type":"phase_passed","time":"2026-03-02T23:00:00Z","account":"2","program":"p","phase":"last",\
                "next_phase":null,"balance":0.05,"trading_days":0}
                """);
    }

    @Test
    void payoutDecisions() {
        Decision rejected = new Decision.PayoutDecision(Instant.parse("2026-05-06T10:00:00Z"), "3001", false, 152_000,
                0, 0, 0, List.of("too_early", "breaches_floor"), 152_000);
        Decision approved = new Decision.PayoutDecision(Instant.parse("2026-05-12T10:00:00Z"), "3001", true, 100_000,
                80_000, 20_000, 19_900, List.of(), 152_000);

        assertThat(written(rejected, approved)).isEqualTo("""
                {"type":"payout_decision","time":"2026-05-06T10:00:00Z","account":"3001","approved":false,\
                "amount":1520.00,"trader_share":0.00,"firm_share":0.00,"fee_refund":0.00,\
                "reasons":["too_early","breaches_floor"],"eligible":1520.00}
                {"type":"payout_decision","time":"2026-05-12T10:00:00Z","account":"3001","approved":true,\
                "amount":1000.00,"trader_share":800.00,"firm_share":200.00,"fee_refund":199.00,"reasons":[],\
                "eligible":1520.00}
                """);
    }

    @Test
    void riskFlag() {
        Decision flag = new Decision.RiskFlag(T, "copy_trading", List.of("1001", "1002"), 2, List.of(
                new Decision.MatchedPosition("1001", "a", "EURUSD", "buy", Instant.parse("2026-03-02T09:00:00Z")),
                new Decision.MatchedPosition("1002", "b", "EURUSD", "buy", Instant.parse("2026-03-02T09:00:01.500Z"))));

        assertThat(written(flag)).isEqualTo("""
                {"type":"risk_flag","time":"2026-03-02T23:00:00Z","kind":"copy_trading","accounts":["1001","1002"],\
                "matches":2,"evidence":[{"account":"1001","position":"a","symbol":"EURUSD","side":"buy",\
                "open_time":"2026-03-02T09:00:00Z"},{"account":"1002","position":"b","symbol":"EURUSD","side":"buy",\
                "open_time":"2026-03-02T09:00:01.500Z"}]}
                """);
    }

    @Test
    void accountStatusAsInTheSharedExample() {
        Decision status = new Decision.AccountStatus("1001", "two-step-100k", "challenge", "failed", 10_300_000,
                9_520_000, 10_300_000, 9_520_000, 9_800_000L, 9_000_000L, 10_000_000L, 1, 300_000, 300_000, 0, 1, 0, 0);
        Decision noLossRules = new Decision.AccountStatus("1002", "p", "funded", "active", 0, 0, 0, 0, null, null, null,
                0, 0, -99, 0, 0, 0, 7);

        assertThat(written(status, noLossRules)).isEqualTo("""
                {"type":"account_status","account":"1001","program":"two-step-100k","phase":"challenge","status":"failed",\
                "balance":103000.00,"equity":95200.00,"day_start_balance":103000.00,"day_start_equity":95200.00,\
                "daily_loss_floor":98000.00,"max_loss_floor":90000.00,"high_water":100000.00,"trading_days":1,\
                "best_day":3000.00,"total_profit":3000.00,"excluded_profit":0.00,"open_positions":1,\
                "payouts_total":0.00,"ignored_events":0}
                {"type":"account_status","account":"1002","program":"p","phase":"funded","status":"active",\
                "balance":0.00,"equity":0.00,"day_start_balance":0.00,"day_start_equity":0.00,\
                "daily_loss_floor":null,"max_loss_floor":null,"high_water":null,"trading_days":0,\
                "best_day":0.00,"total_profit":-0.99,"excluded_profit":0.00,"open_positions":0,\
                "payouts_total":0.00,"ignored_events":7}
                """);
    }

    @Test
    void escapesStrings() {
        assertThat(written(new Decision.Resumed(T, "a\"b\\c\nd\u0001é☃\uD83D\uDE00"))).isEqualTo(
                "{\"type\":\"resumed\",\"time\":\"2026-03-02T23:00:00Z\",\"account\":\"a\\\"b\\\\c\\nd\\u0001é☃\uD83D\uDE00\"}\n");
    }

    @Test
    void moneyExtremes() {
        Decision status = new Decision.AccountStatus("1", "p", "f", "active", Long.MAX_VALUE, Long.MIN_VALUE, -1, 1,
                null, null, null, 0, 0, 0, 0, 0, 0, 0);

        assertThat(written(status)).contains("\"balance\":92233720368547758.07,\"equity\":-92233720368547758.08,"
                + "\"day_start_balance\":-0.01,\"day_start_equity\":0.01,");
    }

    @Test
    void manyLinesThroughTheBuffer() {
        Decision[] decisions = new Decision[10_000];
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] = new Decision.Resumed(T, "account-" + i);
        }
        String text = written(decisions);

        assertThat(text.lines()).hasSize(10_000);
        assertThat(text.lines().toList().get(9_999)).isEqualTo(
                "{\"type\":\"resumed\",\"time\":\"2026-03-02T23:00:00Z\",\"account\":\"account-9999\"}");
    }
}
