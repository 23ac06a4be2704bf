package dev.propos.engine.market;

import java.util.Arrays;

/**
 * A binary min-heap of trigger prices (as long keys) in flat arrays, each tagged with an account
 * slot and the version of that account's triggers it belongs to. Entries of older versions are
 * stale: they are skipped when they surface and swept out when they outnumber the live ones.
 */
final class TriggerHeap {

    private long[] keys = new long[64];
    private int[] slots = new int[64];
    private int[] versions = new int[64];
    private int size;

    void push(long key, int slot, int version) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
            versions = Arrays.copyOf(versions, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, key, slot, version);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long topKey() {
        return keys[0];
    }

    int topSlot() {
        return slots[0];
    }

    int topVersion() {
        return versions[0];
    }

    void pop() {
        size--;
        if (size > 0) {
            move(size, 0);
            siftDown(0);
        }
    }

    /** Drops every entry whose version is no longer its slot's current one, and re-heapifies. */
    void sweep(int[] currentVersions) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (versions[i] == currentVersions[slots[i]]) {
                set(kept++, keys[i], slots[i], versions[i]);
            }
        }
        size = kept;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void siftDown(int i) {
        long key = keys[i];
        int slot = slots[i];
        int version = versions[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, key, slot, version);
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        slots[to] = slots[from];
        versions[to] = versions[from];
    }

    private void set(int i, long key, int slot, int version) {
        keys[i] = key;
        slots[i] = slot;
        versions[i] = version;
    }
}
