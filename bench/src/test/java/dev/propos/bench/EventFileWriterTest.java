package dev.propos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Impact;
import dev.propos.engine.event.LevelUpdate;
import dev.propos.formats.config.ConfigReader;
import dev.propos.formats.event.EventReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFileWriterTest {

    @Test
    void writesTheLinesOfEventsMd() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EventFileWriter writer = new EventFileWriter(out)) {
            writer.accept(new Event.Quote(Instant.parse("2026-03-02T09:15:00Z"), null, "EURUSD",
                    new BigDecimal("1.08000"), new BigDecimal("1.08008")));
            writer.accept(new Event.PositionOpened(Instant.parse("2026-03-02T09:15:00.250Z"), "e-1", "acc-1", "p1",
                    "XAUUSD", dev.propos.engine.event.Side.SELL, new BigDecimal("0.50"), new BigDecimal("2300.15"),
                    null, null, new BigDecimal("-3.00")));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {"type":"quote","time":"2026-03-02T09:15:00Z","symbol":"EURUSD","bid":1.08000,"ask":1.08008}
                {"type":"position_opened","time":"2026-03-02T09:15:00.250Z","id":"e-1","account":"acc-1",\
                "position":"p1","symbol":"XAUUSD","side":"sell","lots":0.50,"price":2300.15,"commission":-3.00}
                """);
    }

    @Test
    void everyTypeReadsBackAsTheSameEvent() throws IOException {
        Instant t = Instant.parse("2026-03-02T09:15:00.007Z");
        List<Event> events = List.of(
                new Event.AccountStarted(t, null, "acc-1", null, "two-step-100k", 1, "challenge",
                        new BigDecimal("100000"), "trader \"q\" \u00e9\ud83d\ude00", new BigDecimal("99")),
                new Event.AccountStarted(t, "x", "acc-2", "acc-1", null, null, null, null, null, null),
                new Event.PositionOpened(t, null, "acc-1", "p1", "EURUSD", dev.propos.engine.event.Side.BUY,
                        new BigDecimal("1.5"), new BigDecimal("1.08004"), new BigDecimal("1.07"),
                        new BigDecimal("1.1"), null),
                new Event.PositionModified(t, null, "acc-1", "p1", LevelUpdate.CLEAR, LevelUpdate.KEEP),
                new Event.PositionModified(t, null, "acc-1", "p1", LevelUpdate.to(new BigDecimal("1.05")),
                        LevelUpdate.CLEAR),
                new Event.PositionClosed(t, null, "acc-1", "p1", new BigDecimal("1.09"), new BigDecimal("0.5"),
                        new BigDecimal("12.34"), new BigDecimal("-1"), new BigDecimal("0.25")),
                new Event.BalanceAdjusted(t, null, "acc-1", new BigDecimal("-100.00"), AdjustmentReason.WITHDRAWAL),
                new Event.EquityReported(t, null, "acc-1", new BigDecimal("100100.5"), null),
                new Event.PayoutRequested(t, null, "acc-1", null),
                new Event.PayoutCancelled(t, null, "acc-1"),
                new Event.News(t, null, List.of("USD", "EUR"), List.of("XAUUSD"), Impact.HIGH, "NFP",
                        t.plusSeconds(60), t.minusSeconds(3600)),
                new Event.News(t, null, List.of("USD"), null, Impact.LOW, null, null, null),
                new Event.Clock(t.plusMillis(993), null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EventFileWriter writer = new EventFileWriter(out)) {
            events.forEach(writer);
            assertThat(writer.lines()).isEqualTo(events.size());
        }
        List<Event> read = new ArrayList<>();
        try (EventReader reader = new EventReader("test", new ByteArrayInputStream(out.toByteArray()))) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                read.add(event);
            }
        }
        assertThat(read).isEqualTo(events);
    }

    @Test
    void generatedLoadReadsBackAsGenerated() throws IOException {
        List<Event> events = new ArrayList<>();
        LoadGenerator load = new LoadGenerator(7, 30, 8, 4);
        load.setup(events::add);
        load.stream(5_000, 0.05, events::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EventFileWriter writer = new EventFileWriter(out)) {
            events.forEach(writer);
        }
        List<Event> read = new ArrayList<>();
        try (EventReader reader = new EventReader("test", new ByteArrayInputStream(out.toByteArray()))) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                read.add(event);
            }
        }
        assertThat(read).isEqualTo(events);
    }

    @Test
    void theCommittedConfigurationIsTheGeneratorsConfiguration() throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/load-config.yaml").toURI());
        assertThat(ConfigReader.read(List.of(file))).isEqualTo(LoadGenerator.config());
    }
}
