package dev.propos.formats.event;

/**
 * An invalid event line, located. Its message reads {@code FILE:LINE: message}, as
 * {@code propos evaluate} prints it.
 */
public final class EventFormatException extends RuntimeException {

    private final String source;
    private final int line;
    private final String detail;

    public EventFormatException(String source, int line, String detail) {
        super(source + ":" + line + ": " + detail);
        this.source = source;
        this.line = line;
        this.detail = detail;
    }

    /** The input's name: the file as given, or {@code <stdin>}. */
    public String source() {
        return source;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }

    /** The message without its location. */
    public String detail() {
        return detail;
    }
}
