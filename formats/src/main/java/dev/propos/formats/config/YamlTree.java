package dev.propos.formats.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one YAML document into a {@link Node} tree that remembers lines. */
final class YamlTree {

    private static final YAMLFactory YAML = new YAMLFactory();

    /** SnakeYAML ends its messages with the problem's mark: "in 'reader', line 4, column 1:". */
    private static final Pattern MARK_LINE = Pattern.compile("line (\\d+), column \\d+");

    private final String file;
    private final JsonParser parser;

    private YamlTree(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** The document's root node, or null when the document is empty. */
    static Node parse(ConfigSource source) {
        try (JsonParser parser = YAML.createParser(source.text())) {
            YamlTree tree = new YamlTree(source.name(), parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Node root = tree.node(first);
            if (parser.nextToken() != null) {
                throw new ConfigException(source.name(), tree.line(), "only one YAML document per file is allowed");
            }
            return root;
        } catch (StreamReadException e) {
            throw syntaxError(source.name(), e);
        } catch (IOException e) {
            // Reading from a String: no I/O can fail here.
            throw new UncheckedIOException(e);
        }
    }

    private Node node(JsonToken token) throws IOException {
        int line = line();
        return switch (token) {
            case START_OBJECT -> mapping(line);
            case START_ARRAY -> sequence(line);
            case VALUE_STRING -> scalar(line, Node.ScalarKind.STRING, parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> scalar(line, Node.ScalarKind.NUMBER, parser.getText());
            case VALUE_TRUE -> scalar(line, Node.ScalarKind.BOOLEAN, "true");
            case VALUE_FALSE -> scalar(line, Node.ScalarKind.BOOLEAN, "false");
            case VALUE_NULL -> scalar(line, Node.ScalarKind.NULL, "null");
            default -> throw new ConfigException(file, line, "unexpected YAML content " + token);
        };
    }

    private Node scalar(int line, Node.ScalarKind kind, String text) {
        return new Node.Scalar(file, line, kind, text);
    }

    private Node mapping(int line) throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            int keyLine = line();
            Node value = node(parser.nextToken());
            if (entries.putIfAbsent(key, new Node.Entry(key, keyLine, value)) != null) {
                throw new ConfigException(file, keyLine, "duplicate key '" + key + "'");
            }
        }
        return new Node.Mapping(file, line, entries);
    }

    private Node sequence(int line) throws IOException {
        List<Node> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(node(token));
        }
        return new Node.Sequence(file, line, items);
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    /**
     * SnakeYAML's message spans several lines (context, snippet, caret, problem); keep the context
     * and the problem, and the problem's line.
     */
    private static ConfigException syntaxError(String file, StreamReadException e) {
        String original = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
        List<String> parts = new ArrayList<>();
        for (String part : original.split("\n")) {
            if (!part.isBlank() && !part.startsWith(" ")) {
                parts.add(part.strip());
            }
        }
        int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
        Matcher mark = MARK_LINE.matcher(original);
        while (mark.find()) {
            line = Integer.parseInt(mark.group(1));
        }
        return new ConfigException(file, line, "YAML syntax error: " + String.join(": ", parts));
    }
}
