package dev.propos.bench;

import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Impact;
import dev.propos.engine.event.LevelUpdate;
import dev.propos.formats.time.Rfc3339;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes events as JSON Lines exactly as spec/events.md reads them: one object a line, {@code type}
 * and {@code time} first, then the type's fields in the order of the spec's tables; optional fields
 * only when present; times RFC 3339 UTC with {@code Z} (milliseconds only when not zero); decimals
 * as plain JSON numbers ({@link BigDecimal#toPlainString()}). Buffered, allocation-light: made for
 * writing files of tens of millions of events for the end-to-end benchmark.
 *
 * <p>It is an event sink ({@link Consumer}), so output failures surface as
 * {@link UncheckedIOException}. {@link #close()} flushes and closes the stream.
 */
public final class EventFileWriter implements Consumer<Event>, Flushable, Closeable {

    private static final int BUFFER_BYTES = 1 << 20;
    /** The longest a single field write may need outside strings and decimals (checked per write). */
    private static final int SMALL_WRITE = 64;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int at;
    private long lines;
    private boolean firstField;

    public EventFileWriter(OutputStream out) {
        this.out = out;
    }

    /** Lines written so far. */
    public long lines() {
        return lines;
    }

    @Override
    public void accept(Event event) {
        write(event);
    }

    /** Writes one event as one line. */
    public void write(Event event) {
        begin(typeName(event), event.time());
        string("id", event.id());
        switch (event) {
            case Event.Quote quote -> {
                string("symbol", quote.symbol());
                number("bid", quote.bid());
                number("ask", quote.ask());
            }
            case Event.PositionOpened opened -> {
                string("account", opened.account());
                string("position", opened.position());
                string("symbol", opened.symbol());
                string("side", opened.side().wireName());
                number("lots", opened.lots());
                number("price", opened.price());
                number("sl", opened.sl());
                number("tp", opened.tp());
                number("commission", opened.commission());
            }
            case Event.PositionClosed closed -> {
                string("account", closed.account());
                string("position", closed.position());
                number("price", closed.price());
                number("lots", closed.lots());
                number("profit", closed.profit());
                number("commission", closed.commission());
                number("swap", closed.swap());
            }
            case Event.PositionModified modified -> {
                string("account", modified.account());
                string("position", modified.position());
                level("sl", modified.sl());
                level("tp", modified.tp());
            }
            case Event.AccountStarted started -> {
                string("account", started.account());
                string("previous_account", started.previousAccount());
                string("program", started.program());
                if (started.version() != null) {
                    key("version");
                    ascii(started.version().toString());
                }
                string("phase", started.phase());
                number("balance", started.balance());
                string("trader", started.trader());
                number("fee", started.fee());
            }
            case Event.BalanceAdjusted adjusted -> {
                string("account", adjusted.account());
                number("amount", adjusted.amount());
                string("reason", reasonName(adjusted.reason()));
            }
            case Event.EquityReported reported -> {
                string("account", reported.account());
                number("equity", reported.equity());
                number("balance", reported.balance());
            }
            case Event.PayoutRequested requested -> {
                string("account", requested.account());
                number("amount", requested.amount());
            }
            case Event.PayoutCancelled cancelled -> string("account", cancelled.account());
            case Event.News news -> {
                strings("currencies", news.currencies());
                if (!news.symbols().isEmpty()) {
                    strings("symbols", news.symbols());
                }
                string("impact", impactName(news.impact()));
                string("title", news.title());
                time("end_time", news.endTime());
                time("known_from", news.knownFrom());
            }
            case Event.Clock clock -> {
                // type and time only
            }
        }
        ensure(2);
        buffer[at++] = '}';
        buffer[at++] = '\n';
        lines++;
    }

    static String typeName(Event event) {
        return switch (event) {
            case Event.Quote quote -> "quote";
            case Event.PositionOpened opened -> "position_opened";
            case Event.PositionClosed closed -> "position_closed";
            case Event.PositionModified modified -> "position_modified";
            case Event.AccountStarted started -> "account_started";
            case Event.BalanceAdjusted adjusted -> "balance_adjusted";
            case Event.EquityReported reported -> "equity_reported";
            case Event.PayoutRequested requested -> "payout_requested";
            case Event.PayoutCancelled cancelled -> "payout_cancelled";
            case Event.News news -> "news";
            case Event.Clock clock -> "clock";
        };
    }

    private static String reasonName(AdjustmentReason reason) {
        return switch (reason) {
            case DEPOSIT -> "deposit";
            case WITHDRAWAL -> "withdrawal";
            case CORRECTION -> "correction";
        };
    }

    private static String impactName(Impact impact) {
        return switch (impact) {
            case LOW -> "low";
            case MEDIUM -> "medium";
            case HIGH -> "high";
        };
    }

    // --- fields ----------------------------------------------------------------------------

    private void begin(String type, Instant time) {
        ensure(SMALL_WRITE);
        buffer[at++] = '{';
        firstField = true;
        string("type", type);
        time("time", time);
    }

    private void key(String name) {
        ensure(name.length() + 4);
        if (!firstField) {
            buffer[at++] = ',';
        }
        firstField = false;
        buffer[at++] = '"';
        for (int i = 0; i < name.length(); i++) {
            buffer[at++] = (byte) name.charAt(i); // keys are ASCII
        }
        buffer[at++] = '"';
        buffer[at++] = ':';
    }

    /** A string field, omitted when null. */
    private void string(String name, String value) {
        if (value == null) {
            return;
        }
        key(name);
        quoted(value);
    }

    /** A number field, omitted when null. */
    private void number(String name, BigDecimal value) {
        if (value == null) {
            return;
        }
        key(name);
        ascii(value.toPlainString());
    }

    /** A time field, omitted when null. */
    private void time(String name, Instant value) {
        if (value == null) {
            return;
        }
        key(name);
        ensure(Rfc3339.MAX_LENGTH + 2);
        buffer[at++] = '"';
        at = Rfc3339.encode(value, buffer, at);
        buffer[at++] = '"';
    }

    /** A level of {@code position_modified}: absent keeps it, null removes it. */
    private void level(String name, LevelUpdate update) {
        switch (update) {
            case null -> {
            }
            case LevelUpdate.Keep keep -> {
            }
            case LevelUpdate.Clear clear -> {
                key(name);
                ascii("null");
            }
            case LevelUpdate.SetTo set -> number(name, set.price());
        }
    }

    private void strings(String name, List<String> values) {
        key(name);
        ensure(1);
        buffer[at++] = '[';
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                ensure(1);
                buffer[at++] = ',';
            }
            quoted(values.get(i));
        }
        ensure(1);
        buffer[at++] = ']';
    }

    // --- bytes -----------------------------------------------------------------------------

    /** Text known to be ASCII with nothing to escape (numbers, literals). */
    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[at++] = (byte) text.charAt(i);
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, UTF-8 encoded. */
    private void quoted(String value) {
        // At most 6 bytes per char (a six-character escape of a control character), plus the quotes.
        if (value.length() * 6L + 2 > buffer.length) {
            quotedLong(value);
            return;
        }
        ensure(value.length() * 6 + 2);
        buffer[at++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                buffer[at++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                buffer[at++] = '\\';
                buffer[at++] = (byte) c;
            } else if (c < 0x20) {
                buffer[at++] = '\\';
                buffer[at++] = 'u';
                buffer[at++] = '0';
                buffer[at++] = '0';
                buffer[at++] = (byte) Character.forDigit(c >> 4, 16);
                buffer[at++] = (byte) Character.forDigit(c & 0xF, 16);
            } else if (c < 0x800) {
                buffer[at++] = (byte) (0xC0 | c >> 6);
                buffer[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                buffer[at++] = (byte) (0xF0 | code >> 18);
                buffer[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                buffer[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                buffer[at++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buffer[at++] = '?'; // a lone surrogate has no UTF-8 form
            } else {
                buffer[at++] = (byte) (0xE0 | c >> 12);
                buffer[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        buffer[at++] = '"';
    }

    /** A string too long for the buffer: written in pieces. */
    private void quotedLong(String value) {
        // Rare (never in generated loads): escaped as a whole, then copied in pieces.
        int piece = buffer.length / 8;
        byte[] bytes = jsonString(value).getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < bytes.length; from += piece) {
            int length = Math.min(piece, bytes.length - from);
            ensure(length);
            System.arraycopy(bytes, from, buffer, at, length);
            at += length;
        }
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private void ensure(int bytes) {
        if (at + bytes > buffer.length) {
            drain();
        }
    }

    private void drain() {
        try {
            out.write(buffer, 0, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        at = 0;
    }

    @Override
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (out) {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
