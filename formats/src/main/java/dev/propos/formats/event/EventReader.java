package dev.propos.formats.event;

import dev.propos.engine.event.Event;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the events of one JSON Lines input (spec/events.md), skipping blank and comment lines.
 * Memory does not grow with the input's length. Not thread-safe.
 *
 * <pre>{@code
 * try (EventReader events = EventReader.open(file)) {
 *     for (Event event = events.next(); event != null; event = events.next()) {
 *         engine.apply(event); // on an engine error, name events.sourceName() + ":" + events.lineNumber()
 *     }
 * }
 * }</pre>
 */
public final class EventReader implements Closeable {

    private final String sourceName;
    private final InputStream in;
    private final LineSplitter lines;
    private final EventLineParser parser = new EventLineParser();

    /** Reads {@code in}, naming it {@code sourceName} in errors; closing the reader closes {@code in}. */
    public EventReader(String sourceName, InputStream in) {
        this.sourceName = sourceName;
        this.in = in;
        this.lines = new LineSplitter(in);
    }

    /** Opens {@code file}, named in errors as it was given. */
    public static EventReader open(Path file) throws IOException {
        return new EventReader(file.toString(), Files.newInputStream(file));
    }

    /**
     * The next event, or null at the end of the input.
     *
     * @throws EventFormatException when the next event line is invalid
     * @throws IOException          when the input cannot be read
     */
    public Event next() throws IOException {
        while (lines.advance()) {
            if (lines.isBlankOrComment()) {
                continue;
            }
            try {
                return parser.parse(lines.buffer(), lines.lineStart(), lines.lineLength());
            } catch (InvalidEventException e) {
                throw new EventFormatException(sourceName, lines.lineNumber(), e.getMessage());
            }
        }
        return null;
    }

    /** The 1-based line of the event last returned (or of the invalid line last reported). */
    public int lineNumber() {
        return lines.lineNumber();
    }

    public String sourceName() {
        return sourceName;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
