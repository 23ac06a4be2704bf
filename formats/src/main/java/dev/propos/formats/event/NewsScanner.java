package dev.propos.formats.event;

import dev.propos.engine.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ObjIntConsumer;

/**
 * The pre-scan of evaluate.md: finds the calendar ({@code news}) lines of an input, so that they
 * apply from the start wherever they stand. Only lines containing {@code "news"} are parsed; a line
 * that fails to parse is left to the main pass unless it is a {@code news} line itself.
 */
public final class NewsScanner {

    private static final byte[] NEWS_STRING = "\"news\"".getBytes(StandardCharsets.US_ASCII);

    private NewsScanner() {
    }

    /**
     * Hands every news event of {@code file}, in order, to {@code calendar} with its 1-based line
     * (so that the caller can locate what it does with it).
     *
     * @throws EventFormatException when a news line is invalid
     */
    public static void scan(Path file, ObjIntConsumer<Event.News> calendar) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            scan(file.toString(), in, calendar);
        }
    }

    /** As {@link #scan(Path, ObjIntConsumer)}, for a stream named {@code sourceName}; does not close it. */
    public static void scan(String sourceName, InputStream in, ObjIntConsumer<Event.News> calendar) throws IOException {
        LineSplitter lines = new LineSplitter(in);
        EventLineParser parser = new EventLineParser();
        while (lines.advance()) {
            if (lines.isBlankOrComment() || !lines.contains(NEWS_STRING)) {
                continue;
            }
            try {
                if (parser.parse(lines.buffer(), lines.lineStart(), lines.lineLength()) instanceof Event.News news) {
                    calendar.accept(news, lines.lineNumber());
                }
            } catch (InvalidEventException e) {
                if ("news".equals(e.eventType())) {
                    throw new EventFormatException(sourceName, lines.lineNumber(), e.getMessage());
                }
            }
        }
    }
}
