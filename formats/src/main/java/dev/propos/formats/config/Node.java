package dev.propos.formats.config;

import java.util.List;
import java.util.Map;

/**
 * A YAML node with the place it was read from, so that every validation error can name its line.
 * Jackson's own tree model drops locations, hence this small one.
 */
sealed interface Node {

    String file();

    /** 1-based line where the node starts. */
    int line();

    /** How the node is named in "must be ..., got ..." messages. */
    String description();

    /** Whether this is YAML null (also what an empty value, {@code key:}, reads as). */
    default boolean isNull() {
        return this instanceof Scalar scalar && scalar.kind() == ScalarKind.NULL;
    }

    default ConfigException error(String message) {
        return new ConfigException(file(), line(), message);
    }

    enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

    /** A scalar with its YAML type as the parser resolved it; {@code text} is the scalar as written. */
    record Scalar(String file, int line, ScalarKind kind, String text) implements Node {
        @Override
        public String description() {
            return switch (kind) {
                case STRING -> "the string '" + text + "'";
                case NUMBER -> "the number " + text;
                case BOOLEAN -> text;
                case NULL -> "null";
            };
        }
    }

    /** A mapping in document order; keys are unique. */
    record Mapping(String file, int line, Map<String, Entry> entries) implements Node {
        @Override
        public String description() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the key's own line (for "unknown parameter" errors). */
    record Entry(String key, int keyLine, Node value) {
    }

    record Sequence(String file, int line, List<Node> items) implements Node {
        @Override
        public String description() {
            return "a list";
        }
    }
}
