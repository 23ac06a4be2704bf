package dev.propos.formats.decision;

import dev.propos.formats.time.Rfc3339;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A minimal JSON writer straight into a byte buffer: objects, arrays and the few value kinds
 * decisions need. Commas are placed by state, so callers only say what comes next.
 */
final class JsonBytes {

    /** Room for the longest token written without a capacity check: a time or a long. */
    private static final int TOKEN_ROOM = 32;

    private final OutputStream out;
    private final byte[] buffer;
    private int position;
    private boolean afterValue;

    JsonBytes(OutputStream out, int capacity) {
        this.out = out;
        this.buffer = new byte[capacity];
    }

    JsonBytes beginObject() {
        separate();
        put('{');
        afterValue = false;
        return this;
    }

    JsonBytes endObject() {
        put('}');
        afterValue = true;
        return this;
    }

    JsonBytes beginArray() {
        separate();
        put('[');
        afterValue = false;
        return this;
    }

    JsonBytes endArray() {
        put(']');
        afterValue = true;
        return this;
    }

    /** A key; {@code name} is plain ASCII needing no escapes. */
    JsonBytes key(String name) {
        separate();
        put('"');
        ascii(name);
        put('"');
        put(':');
        afterValue = false;
        return this;
    }

    JsonBytes string(String value) {
        if (value == null) {
            return nul();
        }
        separate();
        put('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                put('\\');
                put(c);
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (c < 0x80) {
                put(c);
            } else {
                utf8(value, i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    i++;
                }
            }
        }
        put('"');
        afterValue = true;
        return this;
    }

    /** Money from cents, always with two decimals: {@code -1250} is {@code -12.50}. */
    JsonBytes money(long cents) {
        separate();
        room(TOKEN_ROOM);
        if (cents < 0) {
            buffer[position++] = '-';
        }
        digits(Math.abs(cents / 100));
        long fraction = Math.abs(cents % 100);
        buffer[position++] = '.';
        buffer[position++] = (byte) ('0' + fraction / 10);
        buffer[position++] = (byte) ('0' + fraction % 10);
        afterValue = true;
        return this;
    }

    JsonBytes money(Long cents) {
        return cents == null ? nul() : money(cents.longValue());
    }

    JsonBytes number(long value) {
        separate();
        room(TOKEN_ROOM);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                afterValue = true;
                return this;
            }
            buffer[position++] = '-';
            value = -value;
        }
        digits(value);
        afterValue = true;
        return this;
    }

    JsonBytes number(Integer value) {
        return value == null ? nul() : number(value.longValue());
    }

    JsonBytes number(BigDecimal value) {
        separate();
        ascii(value.toPlainString());
        afterValue = true;
        return this;
    }

    JsonBytes time(Instant instant) {
        if (instant == null) {
            return nul();
        }
        separate();
        room(TOKEN_ROOM);
        buffer[position++] = '"';
        position = Rfc3339.encode(instant, buffer, position);
        buffer[position++] = '"';
        afterValue = true;
        return this;
    }

    JsonBytes bool(boolean value) {
        separate();
        ascii(value ? "true" : "false");
        afterValue = true;
        return this;
    }

    JsonBytes nul() {
        separate();
        ascii("null");
        afterValue = true;
        return this;
    }

    /** Ends the line; the buffer goes out when it is nearly full or on {@link #flush()}. */
    void endLine() {
        put('\n');
        afterValue = false;
        if (position > buffer.length / 2) {
            drain();
        }
    }

    void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void separate() {
        if (afterValue) {
            put(',');
        }
    }

    private void put(char c) {
        if (position == buffer.length) {
            drain();
        }
        buffer[position++] = (byte) c;
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            put(text.charAt(i));
        }
    }

    /** Writes the positive {@code value}'s digits; the caller made room. */
    private void digits(long value) {
        int start = position;
        do {
            buffer[position++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = position - 1; i < j; i++, j--) {
            byte swap = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = swap;
        }
    }

    private void escapeControl(char c) {
        switch (c) {
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            default -> {
                ascii("\\u00");
                put(Character.forDigit(c >> 4, 16));
                put(Character.forDigit(c & 0xF, 16));
            }
        }
    }

    private void utf8(String value, int index) {
        int codePoint = value.codePointAt(index);
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
            if (position == buffer.length) {
                drain();
            }
            buffer[position++] = b;
        }
    }

    private void room(int bytes) {
        if (buffer.length - position < bytes) {
            drain();
        }
    }

    private void drain() {
        try {
            out.write(buffer, 0, position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
    }
}
