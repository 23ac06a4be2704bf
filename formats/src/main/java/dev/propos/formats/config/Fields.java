package dev.propos.formats.config;

import dev.propos.engine.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Typed access to the keys of one mapping (a rule entry, a phase, a symbol ...), remembering which
 * keys were read so that {@link #rejectUnknown()} can name the first one nobody asked for.
 * A key whose value is YAML null counts as absent.
 */
final class Fields {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private final Node.Mapping mapping;
    private final String owner;
    private final Set<String> read;

    /** {@code owner} prefixes messages: "rule daily_loss", "phase funded", "symbol EURUSD". */
    Fields(Node.Mapping mapping, String owner) {
        this(mapping, owner, new HashSet<>());
    }

    private Fields(Node.Mapping mapping, String owner, Set<String> read) {
        this.mapping = mapping;
        this.owner = owner;
        this.read = read;
    }

    /** A node that must be a mapping, with {@code owner} naming it in messages. */
    static Fields of(Node node, String owner) {
        if (node instanceof Node.Mapping mapping) {
            return new Fields(mapping, owner);
        }
        throw node.error(owner + " must be a mapping, got " + node.description());
    }

    /** The same keys under a more precise name, once the owner's id is known ("program" becomes "program p"). */
    Fields as(String newOwner) {
        return new Fields(mapping, newOwner, read);
    }

    Node.Mapping mapping() {
        return mapping;
    }

    String owner() {
        return owner;
    }

    ConfigException error(String message) {
        return mapping.error(owner + ": " + message);
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** The value of {@code key}, or null when it is absent or null; marks it as read. */
    Node get(String key) {
        read.add(key);
        Node.Entry entry = mapping.entries().get(key);
        if (entry == null || entry.value().isNull()) {
            return null;
        }
        return entry.value();
    }

    Node require(String key) {
        Node node = get(key);
        if (node == null) {
            throw error("missing " + key);
        }
        return node;
    }

    /** Fails on the first key that no accessor read. */
    void rejectUnknown() {
        for (Node.Entry entry : mapping.entries().values()) {
            if (!read.contains(entry.key())) {
                throw new ConfigException(mapping.file(), entry.keyLine(),
                        owner + ": unknown parameter '" + entry.key() + "'");
            }
        }
    }

    // --- strings ---------------------------------------------------------------------------

    String string(String key) {
        return string(key, require(key));
    }

    String stringOr(String key, String absent) {
        Node node = get(key);
        return node == null ? absent : string(key, node);
    }

    String string(String key, Node node) {
        if (node instanceof Node.Scalar scalar && scalar.kind() == Node.ScalarKind.STRING && !scalar.text().isEmpty()) {
            return scalar.text();
        }
        throw wrongType(key, node, "a non-empty string");
    }

    /** A three-letter ISO 4217 code such as USD; {@code absent} when the key is absent. */
    String currencyCode(String key, String absent) {
        Node node = get(key);
        if (node == null) {
            return absent;
        }
        String code = string(key, node);
        if (!CURRENCY_CODE.matcher(code).matches()) {
            throw node.error(owner + ": " + key + " must be a three-letter currency code such as USD, got '"
                    + code + "'");
        }
        return code;
    }

    /** A string list; {@code absent} when the key is absent. An empty list is an error. */
    List<String> strings(String key, List<String> absent) {
        Node node = get(key);
        if (node == null) {
            return absent;
        }
        if (!(node instanceof Node.Sequence sequence)) {
            throw wrongType(key, node, "a list");
        }
        if (sequence.items().isEmpty()) {
            throw node.error(owner + ": " + key + " must not be empty");
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.items()) {
            values.add(string(key, item));
        }
        return values;
    }

    /** A lower-case wire name of one of {@code values}: {@code peak_equity} is {@code PEAK_EQUITY}. */
    <E extends Enum<E>> E choice(String key, E absent) {
        Node node = get(key);
        return node == null ? absent : choice(key, node, absent.getDeclaringClass());
    }

    <E extends Enum<E>> E choice(String key, Node node, Class<E> type) {
        String text = string(key, node);
        for (E value : type.getEnumConstants()) {
            if (wireName(value).equals(text)) {
                return value;
            }
        }
        throw node.error(owner + ": unknown " + key + " '" + text + "' (expected " + wireNames(type) + ")");
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> String wireNames(Class<E> type) {
        StringJoiner names = new StringJoiner(", ");
        for (E value : type.getEnumConstants()) {
            names.add(wireName(value));
        }
        return names.toString();
    }

    // --- numbers and booleans --------------------------------------------------------------

    boolean bool(String key, boolean absent) {
        Node node = get(key);
        if (node == null) {
            return absent;
        }
        if (node instanceof Node.Scalar scalar && scalar.kind() == Node.ScalarKind.BOOLEAN) {
            return Boolean.parseBoolean(scalar.text());
        }
        throw wrongType(key, node, "true or false");
    }

    BigDecimal decimal(String key) {
        return decimal(key, require(key));
    }

    BigDecimal decimal(String key, BigDecimal absent) {
        Node node = get(key);
        return node == null ? absent : decimal(key, node);
    }

    BigDecimal decimal(String key, Node node) {
        if (node instanceof Node.Scalar scalar && scalar.kind() == Node.ScalarKind.NUMBER) {
            try {
                // YAML allows digit separators: 100_000.
                return new BigDecimal(scalar.text().replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw wrongType(key, node, "a decimal number");
    }

    BigDecimal positiveDecimal(String key) {
        return positive(key, decimal(key));
    }

    BigDecimal positiveDecimal(String key, BigDecimal absent) {
        return has(key) ? positive(key, decimal(key)) : absent;
    }

    /** A percent in (0, 100]. */
    BigDecimal percentUpToHundred(String key) {
        BigDecimal percent = positiveDecimal(key);
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw get(key).error(owner + ": " + key + " must be at most 100, got " + percent.toPlainString());
        }
        return percent;
    }

    int integer(String key) {
        return integer(key, require(key));
    }

    private int integer(String key, Node node) {
        BigDecimal value = decimal(key, node);
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw wrongType(key, node, "a whole number");
        }
    }

    int positiveInteger(String key) {
        int value = integer(key);
        if (value <= 0) {
            throw get(key).error(owner + ": " + key + " must be > 0, got " + value);
        }
        return value;
    }

    int positiveInteger(String key, int absent) {
        return has(key) ? positiveInteger(key) : absent;
    }

    int nonNegativeInteger(String key) {
        int value = integer(key);
        if (value < 0) {
            throw get(key).error(owner + ": " + key + " must be >= 0, got " + value);
        }
        return value;
    }

    int nonNegativeInteger(String key, int absent) {
        return has(key) ? nonNegativeInteger(key) : absent;
    }

    /** Money, rounded to cents. */
    long cents(String key) {
        return Money.toCents(decimal(key));
    }

    long positiveCents(String key) {
        return Money.toCents(positiveDecimal(key));
    }

    long nonNegativeCents(String key, long absent) {
        Node node = get(key);
        if (node == null) {
            return absent;
        }
        BigDecimal value = decimal(key, node);
        if (value.signum() < 0) {
            throw node.error(owner + ": " + key + " must be >= 0, got " + value.toPlainString());
        }
        return Money.toCents(value);
    }

    private BigDecimal positive(String key, BigDecimal value) {
        if (value.signum() <= 0) {
            throw get(key).error(owner + ": " + key + " must be > 0, got " + value.toPlainString());
        }
        return value;
    }

    private ConfigException wrongType(String key, Node node, String expected) {
        return node.error(owner + ": " + key + " must be " + expected + ", got " + node.description());
    }
}
