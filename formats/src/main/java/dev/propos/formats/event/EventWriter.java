package dev.propos.formats.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.LevelUpdate;
import dev.propos.formats.time.Rfc3339;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes an {@link Event} as one JSON Lines event (spec/events.md), the inverse of
 * {@link EventLineParser}: optional fields appear only when set, decimals exactly as held.
 * {@link #withExtra} adds fields the parser ignores (a journal's {@code reported_time}).
 */
public final class EventWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private EventWriter() {
    }

    /** The event as one line of JSON, without the line break. */
    public static String line(Event event) {
        return withExtra(event, null, null);
    }

    /** The event with one more string field, {@code name: value}, after its own (none when name is null). */
    public static String withExtra(Event event, String name, String value) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", typeName(event));
            json.writeStringField("time", Rfc3339.format(event.time()));
            if (event.id() != null) {
                json.writeStringField("id", event.id());
            }
            fields(json, event);
            if (name != null) {
                json.writeStringField(name, value);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The wire name of the event's type. */
    public static String typeName(Event event) {
        return switch (event) {
            case Event.AccountStarted e -> "account_started";
            case Event.PositionOpened e -> "position_opened";
            case Event.PositionModified e -> "position_modified";
            case Event.PositionClosed e -> "position_closed";
            case Event.BalanceAdjusted e -> "balance_adjusted";
            case Event.EquityReported e -> "equity_reported";
            case Event.PayoutRequested e -> "payout_requested";
            case Event.PayoutCancelled e -> "payout_cancelled";
            case Event.Quote e -> "quote";
            case Event.News e -> "news";
            case Event.Clock e -> "clock";
        };
    }

    private static void fields(JsonGenerator json, Event event) throws IOException {
        if (event instanceof Event.AccountEvent accountEvent) {
            json.writeStringField("account", accountEvent.account());
        }
        switch (event) {
            case Event.AccountStarted e -> {
                string(json, "previous_account", e.previousAccount());
                string(json, "program", e.program());
                if (e.version() != null) {
                    json.writeNumberField("version", e.version());
                }
                string(json, "phase", e.phase());
                decimal(json, "balance", e.balance());
                string(json, "trader", e.trader());
                decimal(json, "fee", e.fee());
            }
            case Event.PositionOpened e -> {
                json.writeStringField("position", e.position());
                json.writeStringField("symbol", e.symbol());
                json.writeStringField("side", e.side().wireName());
                decimal(json, "lots", e.lots());
                decimal(json, "price", e.price());
                decimal(json, "sl", e.sl());
                decimal(json, "tp", e.tp());
                decimal(json, "commission", e.commission());
            }
            case Event.PositionModified e -> {
                json.writeStringField("position", e.position());
                level(json, "sl", e.sl());
                level(json, "tp", e.tp());
            }
            case Event.PositionClosed e -> {
                json.writeStringField("position", e.position());
                decimal(json, "price", e.price());
                decimal(json, "lots", e.lots());
                decimal(json, "profit", e.profit());
                decimal(json, "commission", e.commission());
                decimal(json, "swap", e.swap());
            }
            case Event.BalanceAdjusted e -> {
                decimal(json, "amount", e.amount());
                json.writeStringField("reason", e.reason().name().toLowerCase(Locale.ROOT));
            }
            case Event.EquityReported e -> {
                decimal(json, "equity", e.equity());
                decimal(json, "balance", e.balance());
            }
            case Event.PayoutRequested e -> decimal(json, "amount", e.amount());
            case Event.PayoutCancelled e -> {
            }
            case Event.Quote e -> {
                json.writeStringField("symbol", e.symbol());
                decimal(json, "bid", e.bid());
                decimal(json, "ask", e.ask());
            }
            case Event.News e -> {
                strings(json, "currencies", e.currencies());
                if (!e.symbols().isEmpty()) {
                    strings(json, "symbols", e.symbols());
                }
                json.writeStringField("impact", e.impact().name().toLowerCase(Locale.ROOT));
                string(json, "title", e.title());
                instant(json, "end_time", e.endTime());
                instant(json, "known_from", e.knownFrom());
            }
            case Event.Clock e -> {
            }
        }
    }

    private static void level(JsonGenerator json, String name, LevelUpdate update) throws IOException {
        switch (update) {
            case LevelUpdate.Keep keep -> {
            }
            case LevelUpdate.Clear clear -> json.writeNullField(name);
            case LevelUpdate.SetTo set -> decimal(json, name, set.price());
        }
    }

    private static void string(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void decimal(JsonGenerator json, String name, BigDecimal value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeNumber(value.toPlainString());
        }
    }

    private static void instant(JsonGenerator json, String name, Instant value) throws IOException {
        if (value != null) {
            json.writeStringField(name, Rfc3339.format(value));
        }
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
