package dev.propos.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.random.RandomFirm;
import dev.propos.foreign.Canary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import net.jqwik.api.Example;

/** Snapshots this build cannot restore fail with {@link SnapshotFormatException}, and nothing foreign is read. */
class SnapshotFormatTest {

    /** Two records whose names differ in one letter: a snapshot of the one, renamed, stands for a changed class. */
    record ShapeA(int a) implements Serializable {
    }

    record ShapeB(int a, int b) implements Serializable {
    }

    /** Two classes with the same fields and other methods: their computed serial versions differ. */
    static final class ShapeC implements Serializable {
        int a;
    }

    static final class ShapeD implements Serializable {
        int a;

        int twice() {
            return 2 * a;
        }
    }

    @Example
    void notASnapshot() {
        assertRefused("{\"accounts\": []}".getBytes(StandardCharsets.UTF_8), "not an engine snapshot");
        assertRefused(new byte[0], "truncated");
    }

    @Example
    void anotherFormatVersion() {
        byte[] snapshot = validSnapshot();
        ByteBuffer.wrap(snapshot).putInt(8, EngineSnapshot.FORMAT_VERSION + 1);
        assertRefused(snapshot, "format version " + (EngineSnapshot.FORMAT_VERSION + 1) + "; this build reads version "
                + EngineSnapshot.FORMAT_VERSION + " only");
    }

    @Example
    void damagedPayload() {
        byte[] snapshot = validSnapshot();
        snapshot[snapshot.length / 2] ^= 0x10;
        assertRefused(snapshot, "checksum does not match");
    }

    @Example
    void truncatedSnapshot() {
        byte[] snapshot = validSnapshot();
        assertRefused(Arrays.copyOf(snapshot, snapshot.length - 3), "truncated");
        assertRefused(Arrays.copyOf(snapshot, snapshot.length / 2), "truncated");
        assertRefused(Arrays.copyOf(snapshot, 10), "truncated");
    }

    @Example
    void damagedLengthAllocatesNothingLarge() {
        byte[] snapshot = validSnapshot();
        ByteBuffer.wrap(snapshot).putLong(12, Integer.MAX_VALUE - 100);
        assertRefused(snapshot, "truncated");
        ByteBuffer.wrap(snapshot).putLong(12, -1);
        assertRefused(snapshot, "impossible length");
    }

    @Example
    void foreignClassIsRefusedBeforeItIsRead() {
        Canary.read = false;
        assertRefused(framed(new Canary()), "a dev.propos.foreign.Canary, which an engine snapshot may not hold");
        assertRefused(framed(new ArrayList<>(List.of("x", new Canary()))), "dev.propos.foreign.Canary");
        assertRefused(framed(new Canary[] {new Canary()}), "[Ldev.propos.foreign.Canary;");
        assertThat(Canary.read).isFalse();
    }

    @Example
    void jdkClassOutsideTheEngineStateIsRefused() {
        assertRefused(framed(new Date()), "a java.util.Date, which an engine snapshot may not hold");
    }

    /** The filter itself (not only the class resolution before it) refuses what the engine state never holds. */
    @Example
    void filterRefusesForeignClasses() {
        assertThat(EngineSnapshot.admits("dev.propos.engine.account.Account")).isTrue();
        assertThat(EngineSnapshot.admits("[[Ldev.propos.engine.market.TriggerRouter$SymbolTriggers;")).isTrue();
        assertThat(EngineSnapshot.admits("[J")).isTrue();
        assertThat(EngineSnapshot.admits("java.math.BigDecimal")).isTrue();
        assertThat(EngineSnapshot.admits("dev.propos.foreign.Canary")).isFalse();
        assertThat(EngineSnapshot.admits("dev.propos.engineer.Evil")).isFalse();
        assertThat(EngineSnapshot.admits("[Ljava.util.Date;")).isFalse();
        assertThat(EngineSnapshot.admits("javax.management.BadAttributeValueExpException")).isFalse();
        assertThat(EngineSnapshot.admits("java.lang.reflect.Proxy")).isFalse();
    }

    @Example
    void deepNestingIsRefused() {
        List<Object> nested = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(nested);
            nested = outer;
        }
        assertRefused(framed(nested), "nested more than");
    }

    @Example
    void arrayLongerThanTheSnapshotIsRefused() {
        byte[] stream = objectStream(new long[] {7});
        ByteBuffer.wrap(stream).putInt(stream.length - 12, Integer.MAX_VALUE - 16); // the array's length
        assertRefused(frame(stream), "an array of " + (Integer.MAX_VALUE - 16) + " elements in");
    }

    @Example
    void changedRecordIsRefused() {
        byte[] stream = renamed(objectStream(new ShapeB(1, 2)), ShapeB.class, ShapeA.class);
        assertRefused(frame(stream), "class " + ShapeA.class.getName()
                + " changed since the snapshot was written (fields [a:I, b:I] then, [a:I] now)");
    }

    @Example
    void changedClassIsRefused() {
        byte[] stream = renamed(objectStream(new ShapeD()), ShapeD.class, ShapeC.class);
        assertRefused(frame(stream), "class " + ShapeC.class.getName()
                + " changed since the snapshot was written (its serial version");
    }

    @Example
    void otherEngineStateIsNotAnEngine() {
        assertRefused(framed(RiskConfig.NONE), "holds a dev.propos.engine.config.RiskConfig, not an engine");
    }

    @Example
    void engineIsNotWrittenToABareObjectStream() {
        Engine engine = new Engine(RandomFirm.generate(1, 2, 10).config, d -> { });
        assertThatThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(engine))
                .isInstanceOf(NotSerializableException.class).hasMessageContaining("Engine.writeSnapshot");
    }

    private static void assertRefused(byte[] snapshot, String message) {
        assertThatThrownBy(() -> Engine.restore(new ByteArrayInputStream(snapshot), d -> { }))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining(message);
    }

    private static byte[] validSnapshot() {
        RandomFirm firm = RandomFirm.generate(3, 5, 300);
        Engine engine = new Engine(firm.config, d -> { });
        for (var event : firm.events) {
            try {
                engine.apply(event);
            } catch (EngineException e) {
                // refused like in the other tests; the state stays
            }
        }
        return SnapshotTest.snapshot(engine);
    }

    private static byte[] framed(Object payload) {
        return frame(objectStream(payload));
    }

    private static byte[] objectStream(Object payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(payload);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] frame(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EngineSnapshot.frame(payload, payload.length, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** The stream with the name of one class replaced by another's of the same length. */
    private static byte[] renamed(byte[] stream, Class<?> from, Class<?> to) {
        byte[] fromName = from.getName().getBytes(StandardCharsets.UTF_8);
        byte[] toName = to.getName().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(toName, 0, stream, indexOf(stream, fromName), toName.length);
        return stream;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
