package dev.propos.server.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.propos.formats.event.EventLineParser;
import dev.propos.formats.event.InvalidEventException;
import dev.propos.server.journal.IncomingLine;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of an ingest request body: JSON Lines (blank lines and {@code #} comments skipped, as
 * in spec/events.md) or one JSON array of event objects. Each becomes an {@link IncomingLine} with
 * its line number (its 1-based position for an array), read or with the reason it cannot be.
 */
final class RequestLines {

    private static final JsonFactory JSON = new JsonFactory();

    private RequestLines() {
    }

    /** @throws IllegalArgumentException when a JSON array body is not well-formed JSON */
    static List<IncomingLine> read(byte[] body) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        return first < body.length && body[first] == '[' ? readArray(body) : readLines(body);
    }

    private static List<IncomingLine> readLines(byte[] body) {
        EventLineParser parser = new EventLineParser();
        List<IncomingLine> lines = new ArrayList<>();
        int number = 0;
        int start = 0;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            number++;
            int contentEnd = end > start && body[end - 1] == '\r' ? end - 1 : end;
            String text = new String(body, start, contentEnd - start, StandardCharsets.UTF_8);
            String trimmed = text.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                lines.add(read(parser, number, text));
            }
            start = end + 1;
        }
        return lines;
    }

    private static List<IncomingLine> readArray(byte[] body) {
        EventLineParser parser = new EventLineParser();
        List<IncomingLine> lines = new ArrayList<>();
        try (JsonParser json = JSON.createParser(body)) {
            json.nextToken(); // the array
            int number = 0;
            for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                if (token == null) {
                    throw new IllegalArgumentException("the JSON array is not closed");
                }
                number++;
                StringWriter element = new StringWriter();
                try (JsonGenerator copy = JSON.createGenerator(element)) {
                    copy.copyCurrentStructure(json);
                }
                lines.add(token == JsonToken.START_OBJECT ? read(parser, number, element.toString())
                        : IncomingLine.unreadable(number, element.toString(), "an event must be a JSON object"));
            }
            if (json.nextToken() != null) {
                throw new IllegalArgumentException("unexpected content after the JSON array");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not a well-formed JSON array: " + e.getMessage(), e);
        }
        return lines;
    }

    private static IncomingLine read(EventLineParser parser, int number, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            return IncomingLine.of(number, parser.parse(bytes, 0, bytes.length), text);
        } catch (InvalidEventException e) {
            return IncomingLine.unreadable(number, text, e.getMessage());
        }
    }
}
