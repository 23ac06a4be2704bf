package dev.propos.formats.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Impact;
import dev.propos.engine.event.LevelUpdate;
import dev.propos.engine.event.Side;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    private static final Instant T = Instant.parse("2026-03-02T09:15:00Z");

    private static Event one(String line) {
        List<Event> events = readAll(line);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    static List<Event> readAll(String text) {
        try (EventReader reader = new EventReader("events.jsonl",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            List<Event> events = new ArrayList<>();
            for (Event event = reader.next(); event != null; event = reader.next()) {
                events.add(event);
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void accountStarted() {
        assertThat(one("""
                {"type":"account_started","time":"2026-03-02T09:15:00Z","id":"e1","account":"1001","program":"two-step-100k"}
                """)).isEqualTo(new Event.AccountStarted(T, "e1", "1001", null, "two-step-100k", null, null, null, null, null));
        assertThat(one("""
                {"type":"account_started","time":"2026-03-02T09:15:00Z","account":"1002","previous_account":"1001",\
                "program":"p","version":3,"phase":"funded","balance":"25000","trader":"t-7","fee":199.00}
                """)).isEqualTo(new Event.AccountStarted(T, null, "1002", "1001", "p", 3, "funded", d("25000"), "t-7",
                d("199.00")));
    }

    @Test
    void positionOpened() {
        assertThat(one("""
                {"type":"position_opened","time":"2026-03-02T09:15:00Z","account":"1001","position":"p1",\
                "symbol":"EURUSD","side":"buy","lots":10,"price":1.08010}
                """)).isEqualTo(new Event.PositionOpened(T, null, "1001", "p1", "EURUSD", Side.BUY, d("10"), d("1.08010"),
                null, null, null));
        assertThat(one("""
                {"type":"position_opened","time":"2026-03-02T09:15:00Z","account":"1001","position":"p2",\
                "symbol":"XAUUSD","side":"sell","lots":"0.5","price":"2300.30","sl":2310,"tp":null,"commission":-3.5}
                """)).isEqualTo(new Event.PositionOpened(T, null, "1001", "p2", "XAUUSD", Side.SELL, d("0.5"),
                d("2300.30"), d("2310"), null, d("-3.5")));
    }

    @Test
    void positionModifiedDistinguishesAbsentNullAndPrice() {
        assertThat(one("""
                {"type":"position_modified","time":"2026-03-02T09:15:00Z","account":"1001","position":"p1","sl":1.0750,"tp":null}
                """)).isEqualTo(new Event.PositionModified(T, null, "1001", "p1", LevelUpdate.to(d("1.0750")),
                LevelUpdate.CLEAR));
        assertThat(one("""
                {"type":"position_modified","time":"2026-03-02T09:15:00Z","account":"1001","position":"p1"}
                """)).isEqualTo(new Event.PositionModified(T, null, "1001", "p1", LevelUpdate.KEEP, LevelUpdate.KEEP));
    }

    @Test
    void positionClosed() {
        assertThat(one("""
                {"type":"position_closed","time":"2026-03-02T09:15:00Z","account":"1001","position":"p1","price":1.08310}
                """)).isEqualTo(new Event.PositionClosed(T, null, "1001", "p1", d("1.08310"), null, null, null, null));
        assertThat(one("""
                {"type":"position_closed","time":"2026-03-02T09:15:00Z","account":"1001","position":"p1","price":1.08310,\
                "lots":2.5,"profit":750.004,"commission":-7,"swap":"-1.25"}
                """)).isEqualTo(new Event.PositionClosed(T, null, "1001", "p1", d("1.08310"), d("2.5"), d("750.004"),
                d("-7"), d("-1.25")));
    }

    @Test
    void balanceAdjusted() {
        assertThat(one("""
                {"type":"balance_adjusted","time":"2026-03-02T09:15:00Z","account":"1001","amount":500,"reason":"deposit"}
                """)).isEqualTo(new Event.BalanceAdjusted(T, null, "1001", d("500"), AdjustmentReason.DEPOSIT));
        assertThat(one("""
                {"type":"balance_adjusted","time":"2026-03-02T09:15:00Z","account":"1001","amount":-500,"reason":"withdrawal"}
                """)).isEqualTo(new Event.BalanceAdjusted(T, null, "1001", d("-500"), AdjustmentReason.WITHDRAWAL));
        assertThat(one("""
                {"type":"balance_adjusted","time":"2026-03-02T09:15:00Z","account":"1001","amount":-12.5,"reason":"correction"}
                """)).isEqualTo(new Event.BalanceAdjusted(T, null, "1001", d("-12.5"), AdjustmentReason.CORRECTION));
    }

    @Test
    void equityAndPayouts() {
        assertThat(one("""
                {"type":"equity_reported","time":"2026-03-02T09:15:00Z","account":"1001","equity":99000.5}
                """)).isEqualTo(new Event.EquityReported(T, null, "1001", d("99000.5"), null));
        assertThat(one("""
                {"type":"payout_requested","time":"2026-03-02T09:15:00Z","account":"1001"}
                """)).isEqualTo(new Event.PayoutRequested(T, null, "1001", null));
        assertThat(one("""
                {"type":"payout_requested","time":"2026-03-02T09:15:00Z","account":"1001","amount":-5}
                """)).isEqualTo(new Event.PayoutRequested(T, null, "1001", d("-5")));
        assertThat(one("""
                {"type":"payout_cancelled","time":"2026-03-02T09:15:00Z","account":"1001"}
                """)).isEqualTo(new Event.PayoutCancelled(T, null, "1001"));
    }

    @Test
    void marketAndCalendar() {
        assertThat(one("""
                {"type":"quote","time":"2026-03-02T09:15:00.250Z","symbol":"EURUSD","bid":1.08000,"ask":"1.08010"}
                """)).isEqualTo(new Event.Quote(Instant.parse("2026-03-02T09:15:00.250Z"), null, "EURUSD", d("1.08000"),
                d("1.08010")));
        assertThat(one("""
                {"type":"clock","time":"2026-03-02T09:15:00Z"}
                """)).isEqualTo(new Event.Clock(T, null));
        assertThat(one("""
                {"type":"news","time":"2026-03-02T09:15:00Z","currencies":["USD"],"impact":"high"}
                """)).isEqualTo(new Event.News(T, null, List.of("USD"), null, Impact.HIGH, null, null, null));
        assertThat(one("""
                {"type":"news","time":"2026-03-02T09:15:00Z","currencies":[],"symbols":["US30"],"impact":"medium",\
                "title":"Fed chair speaks","end_time":"2026-03-02T10:00:00Z","known_from":"2026-03-01T00:00:00Z"}
                """)).isEqualTo(new Event.News(T, null, List.of(), List.of("US30"), Impact.MEDIUM, "Fed chair speaks",
                Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")));
    }

    @Test
    void numbersAreExactDecimals() {
        Event.Quote quote = (Event.Quote) one("""
                {"type":"quote","time":"2026-03-02T09:15:00Z","symbol":"X","bid":0.1000000000000000055511,"ask":"12345678901234567890.123"}
                """);

        assertThat(quote.bid().toPlainString()).isEqualTo("0.1000000000000000055511");
        assertThat(quote.ask().toPlainString()).isEqualTo("12345678901234567890.123");
    }

    @Test
    void unknownFieldsAndFieldOrderDoNotMatter() {
        assertThat(one("""
                {"ask":1.2,"extra":{"nested":[1,{"a":null}]},"bid":1.1,"symbol":"EURUSD","list":[1,2],"time":"2026-03-02T09:15:00Z","type":"quote"}
                """)).isEqualTo(new Event.Quote(T, null, "EURUSD", d("1.1"), d("1.2")));
    }

    @Test
    void fieldsOtherTypesUseAreIgnoredWhateverTheirShape() {
        assertThat(one("""
                {"type":"clock","time":"2026-03-02T09:15:00Z","account":5,"lots":-1,"currencies":[1]}
                """)).isEqualTo(new Event.Clock(T, null));
    }

    @Test
    void skipsBlankAndCommentLinesAndCountsThem() throws IOException {
        String text = "# a comment\n\n   \n  # indented comment\r\n"
                + "{\"type\":\"clock\",\"time\":\"2026-03-02T09:15:00Z\"}\r\n"
                + "\t\n"
                + "{\"type\":\"clock\",\"time\":\"2026-03-02T09:16:00Z\"}";
        try (EventReader reader = new EventReader("e", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(reader.next()).isEqualTo(new Event.Clock(T, null));
            assertThat(reader.lineNumber()).isEqualTo(5);
            assertThat(reader.next()).isEqualTo(new Event.Clock(Instant.parse("2026-03-02T09:16:00Z"), null));
            assertThat(reader.lineNumber()).isEqualTo(7);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void skipsAByteOrderMark() {
        assertThat(one("\uFEFF{\"type\":\"clock\",\"time\":\"2026-03-02T09:15:00Z\"}")).isEqualTo(new Event.Clock(T, null));
    }

    @Test
    void readsUnicodeStrings() {
        Event.AccountStarted started = (Event.AccountStarted) one("""
                {"type":"account_started","time":"2026-03-02T09:15:00Z","account":"účet-1","trader":"Jiří \\u2603"}
                """);

        assertThat(started.account()).isEqualTo("účet-1");
        assertThat(started.trader()).isEqualTo("Jiří ☃");
    }

    @Test
    void linesLongerThanTheBufferAndManyLinesAcrossRefills() {
        String title = "x".repeat(3_000_000);
        StringBuilder text = new StringBuilder();
        text.append("{\"type\":\"news\",\"time\":\"2026-03-02T09:15:00Z\",\"currencies\":[\"USD\"],\"impact\":\"low\",\"title\":\"")
                .append(title).append("\"}\n");
        int quotes = 50_000;
        for (int i = 0; i < quotes; i++) {
            text.append("{\"type\":\"quote\",\"time\":\"2026-03-02T09:15:00Z\",\"symbol\":\"EURUSD\",\"bid\":1.")
                    .append(i).append(",\"ask\":2}\n");
        }
        List<Event> events = readAll(text.toString());

        assertThat(events).hasSize(quotes + 1);
        assertThat(((Event.News) events.getFirst()).title()).isEqualTo(title);
        assertThat(((Event.Quote) events.getLast()).bid()).isEqualTo(d("1." + (quotes - 1)));
    }

    @Test
    void streamsFromASlowInput() throws IOException {
        byte[] bytes = ("{\"type\":\"clock\",\"time\":\"2026-03-02T09:15:00Z\"}\n".repeat(3)).getBytes(StandardCharsets.UTF_8);
        // Hands out one byte a read, as a pipe may.
        ByteArrayInputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        try (EventReader reader = new EventReader("-", trickle)) {
            int count = 0;
            while (reader.next() != null) {
                count++;
            }
            assertThat(count).isEqualTo(3);
        }
    }

    @Test
    void errorsNameTheFileAndLine() {
        String text = "# header\n{\"type\":\"clock\",\"time\":\"2026-03-02T09:15:00Z\"}\n\n{\"type\":\"clock\"}\n";

        assertThatThrownBy(() -> readAll(text))
                .isInstanceOfSatisfying(EventFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("events.jsonl");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.detail()).isEqualTo("clock: missing field \"time\"");
                })
                .hasMessage("events.jsonl:4: clock: missing field \"time\"");
    }
}
