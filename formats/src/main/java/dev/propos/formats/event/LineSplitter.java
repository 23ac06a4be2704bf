package dev.propos.formats.event;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines in place, without decoding or copying them: the line is a range
 * of {@link #buffer()}, valid until the next {@link #advance()}. Memory is the longest line (at
 * least the buffer's initial size), not the input.
 */
final class LineSplitter {

    private static final int INITIAL_CAPACITY = 1 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int limit;
    private int nextLineStart;
    private boolean endOfInput;
    private int lineStart;
    private int lineEnd;
    private int lineNumber;

    LineSplitter(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean advance() throws IOException {
        int scanFrom = nextLineStart;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buffer[i] == '\n') {
                    take(i, i + 1);
                    return true;
                }
            }
            if (endOfInput) {
                if (nextLineStart < limit) {
                    take(limit, limit);
                    return true;
                }
                return false;
            }
            scanFrom = limit - nextLineStart; // already scanned: where the unread rest ends after fill()
            fill();
        }
    }

    private void take(int end, int next) {
        lineStart = nextLineStart;
        lineEnd = end > lineStart && buffer[end - 1] == '\r' ? end - 1 : end;
        nextLineStart = next;
        lineNumber++;
        if (lineNumber == 1 && lineEnd - lineStart >= 3 && (buffer[lineStart] & 0xFF) == 0xEF
                && (buffer[lineStart + 1] & 0xFF) == 0xBB && (buffer[lineStart + 2] & 0xFF) == 0xBF) {
            lineStart += 3; // a UTF-8 byte order mark
        }
    }

    /** Moves the unread rest to the front (growing the buffer when a line fills it) and reads more. */
    private void fill() throws IOException {
        int rest = limit - nextLineStart;
        if (rest == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (nextLineStart > 0) {
            System.arraycopy(buffer, nextLineStart, buffer, 0, rest);
        }
        nextLineStart = 0;
        limit = rest;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfInput = true;
        } else {
            limit += read;
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineEnd - lineStart;
    }

    /** 1-based number of the current line. */
    int lineNumber() {
        return lineNumber;
    }

    /** Whether the current line is blank or a comment (first non-blank character {@code #}): such lines are ignored. */
    boolean isBlankOrComment() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return b == '#';
            }
        }
        return true;
    }

    /** Whether the current line contains {@code needle} (ASCII). */
    boolean contains(byte[] needle) {
        int last = lineEnd - needle.length;
        outer:
        for (int i = lineStart; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
