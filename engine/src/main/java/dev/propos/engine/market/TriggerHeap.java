package dev.propos.engine.market;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A min-heap of trigger prices (as long keys), each tagged with an account slot and the version
 * of that account's triggers it belongs to. Entries of older versions are stale: they are
 * skipped when they surface and swept out when they outnumber the live ones.
 *
 * <p>Laid out for the cache: a 4-ary heap (half the depth of a binary one) in one flat array
 * holding each entry's key and its slot-and-version side by side, so that the four children of a
 * node share a cache line and a sift touches about one line per level.
 */
final class TriggerHeap implements Serializable {

    private static final int ARITY = 4;

    /** Entry i is at [2i] (key) and [2i + 1] (slot << 32 | version); an empty heap's top key is MAX_VALUE. */
    private long[] entries = emptyEntries(2 * 64);
    private int size;
    /** The size after the last sweep: every entry then was live. */
    private int sizeAfterSweep;

    void push(long key, int slot, int version) {
        if (2 * size == entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        long tag = tag(slot, version);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            if (entries[2 * parent] <= key) {
                break;
            }
            entries[2 * i] = entries[2 * parent];
            entries[2 * i + 1] = entries[2 * parent + 1];
            i = parent;
        }
        entries[2 * i] = key;
        entries[2 * i + 1] = tag;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The least key, or {@link Long#MAX_VALUE} when empty (so that a quote's check is one comparison). */
    long topKey() {
        return entries[0];
    }

    int topSlot() {
        return (int) (entries[1] >>> 32);
    }

    int topVersion() {
        return (int) entries[1];
    }

    void pop() {
        size--;
        if (size > 0) {
            siftDown(0, entries[2 * size], entries[2 * size + 1]);
        } else {
            entries[0] = Long.MAX_VALUE;
        }
    }

    /**
     * Sweeps once the heap has doubled since the last sweep (and holds more than a few entries): it
     * never holds much more than twice its live entries of then, and a sweep costs O(1) a push,
     * amortized. Entries that go stale without pushes wait for the next sweep or for their quote.
     */
    void sweepIfDoubled(int[] currentVersions) {
        if (size > 2 * sizeAfterSweep + 64) {
            sweep(currentVersions);
        }
    }

    /** Drops every entry whose version is no longer its slot's current one, and re-heapifies. */
    void sweep(int[] currentVersions) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            long tag = entries[2 * i + 1];
            if ((int) tag == currentVersions[(int) (tag >>> 32)]) {
                entries[2 * kept] = entries[2 * i];
                entries[2 * kept + 1] = tag;
                kept++;
            }
        }
        size = kept;
        sizeAfterSweep = kept;
        if (size == 0) {
            entries[0] = Long.MAX_VALUE;
        }
        for (int i = (size - 2) / ARITY; i >= 0; i--) {
            siftDown(i, entries[2 * i], entries[2 * i + 1]);
        }
    }

    /** Places (key, tag) at {@code i} or below it, moving smaller children up. */
    private void siftDown(int i, long key, long tag) {
        while (true) {
            int first = ARITY * i + 1;
            if (first >= size) {
                break;
            }
            int last = Math.min(first + ARITY, size);
            int least = first;
            for (int child = first + 1; child < last; child++) {
                if (entries[2 * child] < entries[2 * least]) {
                    least = child;
                }
            }
            if (entries[2 * least] >= key) {
                break;
            }
            entries[2 * i] = entries[2 * least];
            entries[2 * i + 1] = entries[2 * least + 1];
            i = least;
        }
        entries[2 * i] = key;
        entries[2 * i + 1] = tag;
    }

    private static long[] emptyEntries(int length) {
        long[] entries = new long[length];
        entries[0] = Long.MAX_VALUE;
        return entries;
    }

    private static long tag(int slot, int version) {
        return ((long) slot << 32) | (version & 0xFFFF_FFFFL);
    }
}
