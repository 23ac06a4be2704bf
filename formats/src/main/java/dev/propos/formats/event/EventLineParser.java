package dev.propos.formats.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Impact;
import dev.propos.engine.event.LevelUpdate;
import dev.propos.engine.event.Side;
import dev.propos.formats.time.Rfc3339;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one JSON Lines event (spec/events.md) into an {@link Event}. The fields are first collected
 * as read, whatever their order, then checked against what the line's {@code type} needs; fields
 * that a type does not use are ignored, as unknown fields are.
 *
 * <p>Not thread-safe: it reuses its scratch space from line to line.
 */
public final class EventLineParser {

    private static final JsonFactory JSON = new JsonFactory();

    /** The fields some event type reads; values of other names are skipped unread. */
    private enum Field {
        TYPE, TIME, ID, ACCOUNT, PREVIOUS_ACCOUNT, PROGRAM, VERSION, PHASE, BALANCE, TRADER, FEE, POSITION, SYMBOL,
        SIDE, LOTS, PRICE, SL, TP, COMMISSION, PROFIT, SWAP, AMOUNT, REASON, EQUITY, BID, ASK, CURRENCIES, SYMBOLS,
        IMPACT, TITLE, END_TIME, KNOWN_FROM;

        final String wireName = name().toLowerCase(Locale.ROOT);
        final byte[] wireBytes = wireName.getBytes(StandardCharsets.US_ASCII);

        private static final Map<String, Field> BY_WIRE_NAME = new HashMap<>();
        /** The fields by the length of their wire name, for matching names in place. */
        private static final Field[][] BY_LENGTH;

        static {
            int longest = 0;
            for (Field field : values()) {
                BY_WIRE_NAME.put(field.wireName, field);
                longest = Math.max(longest, field.wireBytes.length);
            }
            BY_LENGTH = new Field[longest + 1][];
            for (int length = 0; length <= longest; length++) {
                int size = length;
                BY_LENGTH[length] = Arrays.stream(values()).filter(f -> f.wireBytes.length == size)
                        .toArray(Field[]::new);
            }
        }

        /** The field named by {@code bytes[start, end)}, or null. */
        static Field named(byte[] bytes, int start, int end) {
            int length = end - start;
            if (length >= BY_LENGTH.length) {
                return null;
            }
            candidates:
            for (Field field : BY_LENGTH[length]) {
                byte[] name = field.wireBytes;
                for (int i = 0; i < length; i++) {
                    if (bytes[start + i] != name[i]) {
                        continue candidates;
                    }
                }
                return field;
            }
            return null;
        }
    }

    /** Values read often enough to be shared rather than made per line (type names, sides, reasons). */
    private static final String[] COMMON_STRINGS = {
        "quote", "position_opened", "position_closed", "position_modified", "account_started",
        "balance_adjusted", "equity_reported", "payout_requested", "payout_cancelled", "news", "clock",
        "buy", "sell", "deposit", "withdrawal", "correction", "low", "medium", "high"};
    private static final byte[][] COMMON_BYTES = Arrays.stream(COMMON_STRINGS)
            .map(text -> text.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    /** A value that is neither a string, a number, a boolean nor a list of strings. */
    private enum OtherValue {
        NULL("null"), OBJECT("an object"), OTHER_ARRAY("an array of non-strings");

        final String description;

        OtherValue(String description) {
            this.description = description;
        }
    }

    /** Per field: absent (null), a String, a BigDecimal, a Boolean, a List of String, or an {@link OtherValue}. */
    private final Object[] values = new Object[Field.values().length];
    private final boolean fastPath;
    private String type;
    /** The fast path's position in the line. */
    private int at;

    public EventLineParser() {
        this(true);
    }

    /** With {@code fastPath} false, every line is read by Jackson (for tests comparing the two). */
    EventLineParser(boolean fastPath) {
        this.fastPath = fastPath;
    }

    /**
     * Parses the UTF-8 JSON object in {@code line[offset, offset + length)}.
     *
     * @throws InvalidEventException when it is not one valid event
     */
    public Event parse(byte[] line, int offset, int length) {
        Arrays.fill(values, null);
        type = null;
        if (!fastPath || !readFast(line, offset, offset + length)) {
            Arrays.fill(values, null);
            read(line, offset, length);
        }
        type = string(Field.TYPE);
        return switch (type) {
            case "quote" -> new Event.Quote(time(), id(), string(Field.SYMBOL), number(Field.BID), number(Field.ASK));
            case "position_opened" -> new Event.PositionOpened(time(), id(), string(Field.ACCOUNT),
                    string(Field.POSITION), string(Field.SYMBOL), side(), lots(number(Field.LOTS)), number(Field.PRICE),
                    optionalNumber(Field.SL), optionalNumber(Field.TP), optionalNumber(Field.COMMISSION));
            case "position_closed" -> new Event.PositionClosed(time(), id(), string(Field.ACCOUNT),
                    string(Field.POSITION), number(Field.PRICE), lots(optionalNumber(Field.LOTS)),
                    optionalNumber(Field.PROFIT), optionalNumber(Field.COMMISSION), optionalNumber(Field.SWAP));
            case "position_modified" -> new Event.PositionModified(time(), id(), string(Field.ACCOUNT),
                    string(Field.POSITION), level(Field.SL), level(Field.TP));
            case "account_started" -> new Event.AccountStarted(time(), id(), string(Field.ACCOUNT),
                    optionalString(Field.PREVIOUS_ACCOUNT), optionalString(Field.PROGRAM), version(),
                    optionalString(Field.PHASE), optionalNumber(Field.BALANCE), optionalString(Field.TRADER),
                    optionalNumber(Field.FEE));
            case "balance_adjusted" -> balanceAdjusted();
            case "equity_reported" -> new Event.EquityReported(time(), id(), string(Field.ACCOUNT),
                    number(Field.EQUITY), optionalNumber(Field.BALANCE));
            case "payout_requested" -> new Event.PayoutRequested(time(), id(), string(Field.ACCOUNT),
                    optionalNumber(Field.AMOUNT));
            case "payout_cancelled" -> new Event.PayoutCancelled(time(), id(), string(Field.ACCOUNT));
            case "news" -> news();
            case "clock" -> new Event.Clock(time(), id());
            default -> throw new InvalidEventException("unknown event type \"" + type + "\"", null);
        };
    }

    // --- reading the JSON ------------------------------------------------------------------

    private void read(byte[] line, int offset, int length) {
        try (JsonParser parser = JSON.createParser(line, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidEventException("a line must be one JSON object", null);
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                Field field = Field.BY_WIRE_NAME.get(parser.currentName());
                JsonToken valueToken = parser.nextToken();
                if (field == null) {
                    parser.skipChildren();
                } else {
                    values[field.ordinal()] = value(parser, valueToken);
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidEventException("unexpected content after the JSON object", null);
            }
        } catch (StreamReadException e) {
            throw new InvalidEventException("malformed JSON: " + jacksonProblem(e), null);
        } catch (IOException e) {
            // Parsing an in-memory array: nothing but malformed input can fail.
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    Decimals.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> OtherValue.NULL;
            case START_ARRAY -> strings(parser);
            default -> {
                parser.skipChildren();
                yield OtherValue.OBJECT;
            }
        };
    }

    /** A list of strings, or {@link OtherValue#OTHER_ARRAY}. */
    private static Object strings(JsonParser parser) throws IOException {
        List<String> strings = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                parser.skipChildren();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    parser.skipChildren();
                }
                return OtherValue.OTHER_ARRAY;
            }
            strings.add(parser.getText());
        }
        return strings;
    }

    /** Jackson's message without the input excerpt and source position it appends. */
    private static String jacksonProblem(StreamReadException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int sourceMention = message.indexOf(" (start marker at");
        if (sourceMention >= 0) {
            message = message.substring(0, sourceMention);
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }

    // --- the fast path ---------------------------------------------------------------------

    /**
     * Reads the common line in place, without Jackson: one flat object whose names and strings are
     * ASCII without escapes, and whose values are strings, plain numbers ({@code -12.50}),
     * {@code true}, {@code false} or {@code null}. Anything else (arrays, nested objects, escapes,
     * exponents, non-ASCII text, any malformation) returns false, and the line is read again by
     * Jackson, which then gives the same values or the error message it always gave. What this
     * accepts is valid JSON that Jackson reads to the same values.
     */
    private boolean readFast(byte[] line, int start, int end) {
        at = start;
        skipSpace(line, end);
        if (at == end || line[at] != '{') {
            return false;
        }
        at++;
        skipSpace(line, end);
        if (at < end && line[at] == '}') {
            at++;
            return onlySpaceLeft(line, end);
        }
        while (true) {
            if (at == end || line[at] != '"') {
                return false;
            }
            int nameStart = ++at;
            if (!skipPlainString(line, end)) {
                return false;
            }
            Field field = Field.named(line, nameStart, at - 1);
            skipSpace(line, end);
            if (at == end || line[at] != ':') {
                return false;
            }
            at++;
            skipSpace(line, end);
            if (at == end) {
                return false;
            }
            Object value = fastValue(line, end, field);
            if (value == null) {
                return false;
            }
            if (field != null) {
                values[field.ordinal()] = value;
            }
            skipSpace(line, end);
            if (at == end) {
                return false;
            }
            byte next = line[at++];
            if (next == '}') {
                return onlySpaceLeft(line, end);
            }
            if (next != ',') {
                return false;
            }
            skipSpace(line, end);
        }
    }

    /** The value at {@link #at} (a String, BigDecimal, Boolean or {@link OtherValue#NULL}), or null to fall back. */
    private Object fastValue(byte[] line, int end, Field field) {
        byte first = line[at];
        if (first == '"') {
            int textStart = ++at;
            if (!skipPlainString(line, end)) {
                return null;
            }
            return field == null ? Boolean.TRUE : text(line, textStart, at - 1);
        }
        if (first == '-' || first >= '0' && first <= '9') {
            int numberStart = at;
            if (!skipPlainNumber(line, end)) {
                return null;
            }
            return field == null ? Boolean.TRUE : Decimals.parse(line, numberStart, at - numberStart);
        }
        if (literal(line, end, TRUE_BYTES)) {
            return Boolean.TRUE;
        }
        if (literal(line, end, FALSE_BYTES)) {
            return Boolean.FALSE;
        }
        if (literal(line, end, NULL_BYTES)) {
            return OtherValue.NULL;
        }
        return null;
    }

    private static final byte[] TRUE_BYTES = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE_BYTES = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};
    /** Longer strings and numbers are left to Jackson, which has limits of its own for them. */
    private static final int MAX_FAST_TEXT = 1000;

    private boolean literal(byte[] line, int end, byte[] word) {
        if (end - at < word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (line[at + i] != word[i]) {
                return false;
            }
        }
        int after = at + word.length;
        if (after < end && !isDelimiter(line[after])) {
            return false; // "nullx", "true1": Jackson's error
        }
        at = after;
        return true;
    }

    private static boolean isDelimiter(byte b) {
        return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** From just after an opening quote to just after the closing one: printable ASCII, no escapes. */
    private boolean skipPlainString(byte[] line, int end) {
        int limit = Math.min(end, at + MAX_FAST_TEXT);
        for (int i = at; i < limit; i++) {
            byte b = line[i];
            if (b == '"') {
                at = i + 1;
                return true;
            }
            if (b == '\\' || b < 0x20) { // also every byte >= 0x80, negative as a Java byte
                return false;
            }
        }
        return false;
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} followed by a delimiter or the end. */
    private boolean skipPlainNumber(byte[] line, int end) {
        int i = at;
        if (line[i] == '-') {
            i++;
        }
        int integerStart = i;
        while (i < end && line[i] >= '0' && line[i] <= '9') {
            i++;
        }
        int integerDigits = i - integerStart;
        if (integerDigits == 0 || integerDigits > 1 && line[integerStart] == '0') {
            return false;
        }
        if (i < end && line[i] == '.') {
            int fractionStart = ++i;
            while (i < end && line[i] >= '0' && line[i] <= '9') {
                i++;
            }
            if (i == fractionStart) {
                return false;
            }
        }
        if (i - at > MAX_FAST_TEXT || i < end && !isDelimiter(line[i])) {
            return false; // an exponent, or anything else: left to Jackson
        }
        at = i;
        return true;
    }

    private void skipSpace(byte[] line, int end) {
        while (at < end) {
            byte b = line[at];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return;
            }
            at++;
        }
    }

    private boolean onlySpaceLeft(byte[] line, int end) {
        skipSpace(line, end);
        return at == end;
    }

    /** ASCII text as a String: a shared one for the common values, else a new one. */
    private static String text(byte[] line, int start, int end) {
        int length = end - start;
        if (length >= 3 && length <= 17) {
            candidates:
            for (int c = 0; c < COMMON_BYTES.length; c++) {
                byte[] common = COMMON_BYTES[c];
                if (common.length != length) {
                    continue;
                }
                for (int i = 0; i < length; i++) {
                    if (line[start + i] != common[i]) {
                        continue candidates;
                    }
                }
                return COMMON_STRINGS[c];
            }
        }
        return new String(line, start, length, StandardCharsets.ISO_8859_1);
    }

    // --- typed access ----------------------------------------------------------------------

    private String id() {
        return optionalString(Field.ID);
    }

    private Instant time() {
        return time(Field.TIME, string(Field.TIME));
    }

    private Instant optionalTime(Field field) {
        String text = optionalString(field);
        return text == null ? null : time(field, text);
    }

    private Instant time(Field field, String text) {
        Instant instant = Rfc3339.parseOrNull(text);
        if (instant == null) {
            throw invalid("field \"" + field.wireName + "\" must be an RFC 3339 UTC time such as "
                    + "2026-03-02T09:15:00Z or 2026-03-02T09:15:00.250Z, got \"" + text + "\"");
        }
        return instant;
    }

    private String string(Field field) {
        Object value = values[field.ordinal()];
        if (value == null) {
            throw missing(field);
        }
        if (value instanceof String string) {
            return string;
        }
        throw wrongType(field, "a string", value);
    }

    /** Absent and null are both no value. */
    private String optionalString(Field field) {
        Object value = values[field.ordinal()];
        return value == null || value == OtherValue.NULL ? null : string(field);
    }

    private BigDecimal number(Field field) {
        Object value = values[field.ordinal()];
        if (value == null) {
            throw missing(field);
        }
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof String text) {
            try {
                return Decimals.parse(text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw wrongType(field, "a number or a decimal string", value);
    }

    private BigDecimal optionalNumber(Field field) {
        Object value = values[field.ordinal()];
        return value == null || value == OtherValue.NULL ? null : number(field);
    }

    /** {@code position_modified}: absent keeps the level, null removes it. */
    private LevelUpdate level(Field field) {
        Object value = values[field.ordinal()];
        if (value == null) {
            return LevelUpdate.KEEP;
        }
        return value == OtherValue.NULL ? LevelUpdate.CLEAR : LevelUpdate.to(number(field));
    }

    private BigDecimal lots(BigDecimal lots) {
        if (lots != null && lots.signum() <= 0) {
            throw invalid("field \"lots\" must be > 0, got " + lots.toPlainString());
        }
        return lots;
    }

    private Integer version() {
        BigDecimal version = optionalNumber(Field.VERSION);
        if (version == null) {
            return null;
        }
        try {
            return version.intValueExact();
        } catch (ArithmeticException e) {
            throw wrongType(Field.VERSION, "a whole number", version);
        }
    }

    private Side side() {
        return switch (string(Field.SIDE)) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw badChoice(Field.SIDE, "buy or sell");
        };
    }

    private Event balanceAdjusted() {
        BigDecimal amount = number(Field.AMOUNT);
        AdjustmentReason reason = switch (string(Field.REASON)) {
            case "deposit" -> AdjustmentReason.DEPOSIT;
            case "withdrawal" -> AdjustmentReason.WITHDRAWAL;
            case "correction" -> AdjustmentReason.CORRECTION;
            default -> throw badChoice(Field.REASON, "deposit, withdrawal or correction");
        };
        // The sign is part of the line's meaning (events.md), so a contradiction is a format error.
        if (reason == AdjustmentReason.DEPOSIT && amount.signum() <= 0) {
            throw invalid("a deposit's \"amount\" must be > 0, got " + amount.toPlainString());
        }
        if (reason == AdjustmentReason.WITHDRAWAL && amount.signum() >= 0) {
            throw invalid("a withdrawal's \"amount\" must be < 0, got " + amount.toPlainString());
        }
        return new Event.BalanceAdjusted(time(), id(), string(Field.ACCOUNT), amount, reason);
    }

    private Event news() {
        Instant time = time();
        Impact impact = switch (string(Field.IMPACT)) {
            case "low" -> Impact.LOW;
            case "medium" -> Impact.MEDIUM;
            case "high" -> Impact.HIGH;
            default -> throw badChoice(Field.IMPACT, "low, medium or high");
        };
        Instant endTime = optionalTime(Field.END_TIME);
        if (endTime != null && endTime.isBefore(time)) {
            throw invalid("field \"end_time\" must not be before \"time\"");
        }
        return new Event.News(time, id(), stringList(Field.CURRENCIES), optionalStringList(Field.SYMBOLS), impact,
                optionalString(Field.TITLE), endTime, optionalTime(Field.KNOWN_FROM));
    }

    @SuppressWarnings("unchecked")
    private List<String> stringList(Field field) {
        Object value = values[field.ordinal()];
        if (value == null) {
            throw missing(field);
        }
        if (value instanceof List<?> list) {
            return (List<String>) list;
        }
        throw wrongType(field, "an array of strings", value);
    }

    private List<String> optionalStringList(Field field) {
        Object value = values[field.ordinal()];
        return value == null || value == OtherValue.NULL ? null : stringList(field);
    }

    // --- errors ----------------------------------------------------------------------------

    private InvalidEventException invalid(String problem) {
        return new InvalidEventException(type == null ? problem : type + ": " + problem, type);
    }

    private InvalidEventException missing(Field field) {
        return invalid("missing field \"" + field.wireName + "\"");
    }

    private InvalidEventException wrongType(Field field, String expected, Object value) {
        return invalid("field \"" + field.wireName + "\" must be " + expected + ", got " + describe(value));
    }

    private InvalidEventException badChoice(Field field, String expected) {
        return invalid("field \"" + field.wireName + "\" must be " + expected + ", got \""
                + values[field.ordinal()] + "\"");
    }

    private static String describe(Object value) {
        return switch (value) {
            case String string -> "\"" + string + "\"";
            case BigDecimal number -> number.toPlainString();
            case Boolean bool -> bool.toString();
            case List<?> list -> "an array";
            case OtherValue other -> other.description;
            default -> value.toString();
        };
    }
}
