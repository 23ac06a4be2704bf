package dev.propos.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The snapshot format of {@link Engine#writeSnapshot} and {@link Engine#restore}:
 *
 * <pre>
 *   magic     8 bytes   "PROPOSSN"
 *   version   int       {@link #FORMAT_VERSION}
 *   length    long      of the payload, in bytes
 *   payload             the engine as a Java object stream (everything but its decision sink)
 *   checksum  int       CRC-32C of the payload
 * </pre>
 *
 * <p>The payload is the engine's own object graph, so that nothing is left out and a restored
 * engine is the same engine: the quote router's trigger heaps included, since which accounts a
 * quote revalues depends on the prices at which each account's triggers were placed.
 *
 * <p>A snapshot from an incompatible build must fail loudly, never restore wrong state. Java's
 * serialization already refuses a class whose computed serial version changed (the engine's
 * classes declare none on purpose: any change to their fields or signatures changes it). Records
 * are exempt from that check and would silently take defaults for new components, so every engine
 * class's fields are compared with the snapshot's here. {@link #FORMAT_VERSION} is for the rest:
 * raise it when the meaning of some state changes while its fields stay the same.
 *
 * <p>Reading admits only the engine's own classes and the few JDK classes its state uses; any other
 * is refused before it is loaded, and again by an {@link ObjectInputFilter}. The checksum detects
 * damage, not tampering: snapshots come from the firm's own database.
 */
final class EngineSnapshot {

    /** Raise when a snapshot written before would be read into different state. */
    static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "PROPOSSN".getBytes(StandardCharsets.US_ASCII);
    private static final String ENGINE_PACKAGE = "dev.propos.engine.";
    /** Far deeper than the engine's graph goes; a guard against a stream built to exhaust the stack. */
    private static final long MAX_DEPTH = 200;
    /**
     * The JDK classes the engine's state is made of. java.time values and immutable collections are
     * written through a proxy (Ser, CollSer); the filter sees both the proxy and what it resolves
     * to. Object and Map.Entry are there because collections have the filter check the arrays they
     * allocate as Object[] and Map.Entry[]; neither can be deserialized itself.
     */
    private static final Set<String> JDK_CLASSES = Set.of(
            "java.lang.Object", "java.util.Map$Entry",
            "java.lang.Enum", "java.lang.Number", "java.lang.Integer", "java.lang.Long",
            "java.math.BigDecimal", "java.math.BigInteger",
            "java.time.Ser", "java.time.Instant", "java.time.Duration", "java.time.LocalTime",
            "java.time.ZoneRegion", "java.time.ZoneOffset", "java.time.DayOfWeek",
            "java.util.ArrayDeque", "java.util.ArrayList", "java.util.HashMap", "java.util.HashSet",
            "java.util.PriorityQueue", "java.util.TreeMap", "java.util.TreeSet",
            "java.util.CollSer", "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN");

    private EngineSnapshot() {
    }

    static void write(Engine engine, OutputStream out) throws IOException {
        Buffer payload = new Buffer();
        try (Output objects = new Output(payload)) {
            objects.writeObject(engine);
        }
        frame(payload.bytes(), payload.size(), out);
    }

    /** Writes a payload with its header and checksum (tests frame payloads of their own with it). */
    static void frame(byte[] payload, int length, OutputStream out) throws IOException {
        CRC32C checksum = new CRC32C();
        checksum.update(payload, 0, length);
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(FORMAT_VERSION);
        data.writeLong(length);
        data.write(payload, 0, length);
        data.writeInt((int) checksum.getValue());
        data.flush();
    }

    static Engine read(InputStream in) throws IOException {
        byte[] payload = unframe(new DataInputStream(in));
        ByteArrayInputStream bytes = new ByteArrayInputStream(payload);
        Input objects = null;
        try {
            objects = new Input(bytes, payload.length);
            Object state = objects.readObject();
            if (!(state instanceof Engine engine)) {
                throw new SnapshotFormatException("the snapshot holds "
                        + (state == null ? "null" : "a " + state.getClass().getName()) + ", not an engine");
            }
            if (bytes.available() > 0) {
                throw new SnapshotFormatException("the snapshot has " + bytes.available()
                        + " bytes after the engine");
            }
            return engine;
        } catch (SnapshotFormatException e) {
            throw e;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            if (objects != null && objects.refusal != null) {
                throw new SnapshotFormatException("the snapshot holds " + objects.refusal, e);
            }
            throw new SnapshotFormatException("the snapshot cannot be read by this build (snapshot format "
                    + FORMAT_VERSION + "): " + e, e);
        }
    }

    private static byte[] unframe(DataInputStream in) throws IOException {
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, 0, magic.length, MAGIC, 0, magic.length)) {
                throw new SnapshotFormatException("not an engine snapshot: it starts with "
                        + HexFormat.ofDelimiter(" ").formatHex(magic));
            }
            if (magic.length < MAGIC.length) {
                throw new EOFException();
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new SnapshotFormatException("the snapshot is in format version " + version
                        + "; this build reads version " + FORMAT_VERSION + " only");
            }
            long length = in.readLong();
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new SnapshotFormatException("the snapshot gives an impossible length, " + length);
            }
            // Read in pieces, not into an array of the stated length: a damaged length must not
            // allocate gigabytes before the stream runs out.
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                throw new SnapshotFormatException("the snapshot is truncated: " + payload.length + " of "
                        + length + " bytes");
            }
            int expected = in.readInt();
            CRC32C checksum = new CRC32C();
            checksum.update(payload);
            if ((int) checksum.getValue() != expected) {
                throw new SnapshotFormatException("the snapshot is damaged: its checksum does not match");
            }
            return payload;
        } catch (EOFException e) {
            throw new SnapshotFormatException("the snapshot is truncated", e);
        }
    }

    /** Only the snapshot streams may write or read an engine: a bare object stream has no header. */
    static void requireSnapshotStream(ObjectOutputStream out) throws IOException {
        if (!(out instanceof Output)) {
            throw new NotSerializableException(Engine.class.getName() + " (write it with Engine.writeSnapshot)");
        }
    }

    static void requireSnapshotStream(ObjectInputStream in) throws IOException {
        if (!(in instanceof Input)) {
            throw new InvalidObjectException("an engine is read with Engine.restore only");
        }
    }

    /** Whether a snapshot may hold instances of the named class (array names are by their elements). */
    static boolean admits(String className) {
        String name = className;
        if (name.startsWith("[")) {
            name = name.replaceFirst("^\\[+", "");
            if (name.length() == 1) {
                return "ZBCSIJFD".contains(name); // an array of a primitive type
            }
            if (!name.startsWith("L") || !name.endsWith(";")) {
                return false;
            }
            name = name.substring(1, name.length() - 1);
        }
        return name.startsWith(ENGINE_PACKAGE) || JDK_CLASSES.contains(name);
    }

    /**
     * Why the filter refuses what the stream is about to read, or null when it admits it. An array
     * (or a collection) cannot have more elements than the payload has bytes: a stream that says
     * so must not have a huge array allocated before it runs out.
     */
    private static String refusal(ObjectInputFilter.FilterInfo info, int payloadLength) {
        if (info.depth() > MAX_DEPTH) {
            return "objects nested more than " + MAX_DEPTH + " deep";
        }
        if (info.arrayLength() > payloadLength) {
            return "an array of " + info.arrayLength() + " elements in " + payloadLength + " bytes";
        }
        Class<?> type = info.serialClass();
        if (type != null && !admits(type.getName())) {
            return notAdmitted(type.getName());
        }
        return null;
    }

    private static String notAdmitted(String className) {
        return "a " + className + ", which an engine snapshot may not hold";
    }

    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1 << 16);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private static final class Output extends ObjectOutputStream {
        Output(OutputStream out) throws IOException {
            super(out);
        }
    }

    private static final class Input extends ObjectInputStream {
        /** Why the filter refused the snapshot, for the message. */
        String refusal;

        Input(InputStream in, int length) throws IOException {
            super(in);
            setObjectInputFilter(info -> {
                String reason = refusal(info, length);
                if (reason == null) {
                    return ObjectInputFilter.Status.ALLOWED;
                }
                refusal = reason;
                return ObjectInputFilter.Status.REJECTED;
            });
        }

        /** Refuses a class the snapshot may not hold before loading it, and an engine class that changed. */
        @Override
        protected Class<?> resolveClass(ObjectStreamClass written) throws IOException, ClassNotFoundException {
            if (!admits(written.getName())) {
                throw new SnapshotFormatException("the snapshot holds " + notAdmitted(written.getName()));
            }
            Class<?> local = super.resolveClass(written);
            if (written.getName().startsWith(ENGINE_PACKAGE)) {
                requireUnchanged(written, local);
            }
            return local;
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
            throw new SnapshotFormatException("the snapshot holds " + notAdmitted("proxy class"));
        }

        private static void requireUnchanged(ObjectStreamClass written, Class<?> local) throws SnapshotFormatException {
            ObjectStreamClass here = ObjectStreamClass.lookup(local);
            if (here == null) {
                throw new SnapshotFormatException("class " + local.getName() + " is no longer serializable");
            }
            List<String> writtenFields = fields(written);
            List<String> localFields = fields(here);
            if (!writtenFields.equals(localFields)) {
                throw new SnapshotFormatException("class " + local.getName() + " changed since the snapshot was"
                        + " written (fields " + writtenFields + " then, " + localFields + " now)");
            }
            // Java waives the serial version of records and enums; a class's is computed from its signatures.
            boolean versioned = !local.isRecord() && !local.isEnum();
            if (versioned && written.getSerialVersionUID() != here.getSerialVersionUID()) {
                throw new SnapshotFormatException("class " + local.getName() + " changed since the snapshot was"
                        + " written (its serial version, computed from its fields and signatures)");
            }
        }

        private static List<String> fields(ObjectStreamClass type) {
            List<String> fields = new ArrayList<>();
            for (ObjectStreamField field : type.getFields()) {
                String kind = field.isPrimitive() ? String.valueOf(field.getTypeCode()) : field.getTypeString();
                fields.add(field.getName() + ":" + kind);
            }
            return fields;
        }
    }
}
