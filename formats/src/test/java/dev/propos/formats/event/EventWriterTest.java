package dev.propos.formats.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Impact;
import dev.propos.engine.event.LevelUpdate;
import dev.propos.engine.event.Side;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventWriterTest {

    private static final Instant T = Instant.parse("2026-03-02T09:15:00.250Z");

    static Stream<Event> events() {
        return Stream.of(
                new Event.AccountStarted(T, "a1", "1001", null, "eval", null, null, null, null, null),
                new Event.AccountStarted(T, "a2", "1002", "1001", "eval", 3, "funded", new BigDecimal("100000.00"),
                        "t-7", new BigDecimal("549")),
                new Event.PositionOpened(T, "o1", "1001", "p1", "EURUSD", Side.BUY, new BigDecimal("1.5"),
                        new BigDecimal("1.08345"), new BigDecimal("1.08"), null, new BigDecimal("-7.5")),
                new Event.PositionModified(T, "m1", "1001", "p1", LevelUpdate.CLEAR, LevelUpdate.to(new BigDecimal("1.1"))),
                new Event.PositionModified(T, "m2", "1001", "p1", LevelUpdate.KEEP, LevelUpdate.KEEP),
                new Event.PositionClosed(T, "c1", "1001", "p1", new BigDecimal("1.0841"), new BigDecimal("0.5"),
                        new BigDecimal("32.50"), null, new BigDecimal("-1.20")),
                new Event.PositionClosed(T, "c2", "1001", "p1", new BigDecimal("1.0841"), null, null, null, null),
                new Event.BalanceAdjusted(T, "b1", "1001", new BigDecimal("-250.00"), AdjustmentReason.WITHDRAWAL),
                new Event.EquityReported(T, "e1", "1001", new BigDecimal("100250.10"), null),
                new Event.PayoutRequested(T, "r1", "1001", null),
                new Event.PayoutRequested(T, "r2", "1001", new BigDecimal("1000")),
                new Event.PayoutCancelled(T, "x1", "1001"),
                new Event.Quote(T, "q1", "XAUUSD", new BigDecimal("2345.10"), new BigDecimal("2345.40")),
                new Event.News(T, "n1", List.of("USD"), List.of("US30"), Impact.HIGH, "Non-farm payrolls",
                        T.plusSeconds(600), T.minusSeconds(86_400)),
                new Event.News(T, null, List.of("EUR", "USD"), null, Impact.LOW, null, null, null),
                new Event.Clock(T, "k1"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void theParserReadsBackWhatWasWritten(Event event) {
        byte[] line = EventWriter.line(event).getBytes(StandardCharsets.UTF_8);

        assertThat(new EventLineParser().parse(line, 0, line.length)).isEqualTo(event);
    }

    @Test
    void writesOptionalFieldsOnlyWhenSetAndDecimalsExactly() {
        Event event = new Event.PositionOpened(T, "o1", "1001", "p1", "EURUSD", Side.SELL, new BigDecimal("1E+1"),
                new BigDecimal("1.08340"), null, null, null);

        assertThat(EventWriter.line(event)).isEqualTo("{\"type\":\"position_opened\",\"time\":\"2026-03-02T09:15:00.250Z\","
                + "\"id\":\"o1\",\"account\":\"1001\",\"position\":\"p1\",\"symbol\":\"EURUSD\",\"side\":\"sell\","
                + "\"lots\":10,\"price\":1.08340}");
    }

    @Test
    void addsAnExtraFieldTheParserIgnores() {
        Event clock = new Event.Clock(T, "k1");

        String line = EventWriter.withExtra(clock, "reported_time", "2026-03-02T09:14:00Z");

        assertThat(line).endsWith(",\"reported_time\":\"2026-03-02T09:14:00Z\"}");
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThat(new EventLineParser().parse(bytes, 0, bytes.length)).isEqualTo(clock);
    }
}
