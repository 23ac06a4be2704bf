package dev.propos.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The top-level fields of a JSON object line, each as the text of its value (nested values flattened), in order. */
final class JsonFields {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonFields() {
    }

    static Map<String, String> of(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            Map<String, String> fields = new LinkedHashMap<>();
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                fields.put(name, value(parser, parser.nextToken()));
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(JsonParser parser, JsonToken token) throws IOException {
        if (!token.isStructStart()) {
            return parser.getText();
        }
        StringBuilder text = new StringBuilder(parser.getText());
        int depth = 1;
        while (depth > 0) {
            JsonToken next = parser.nextToken();
            depth += next.isStructStart() ? 1 : next.isStructEnd() ? -1 : 0;
            text.append(' ').append(parser.getText());
        }
        return text.toString();
    }
}
