package dev.propos.engine.market;

import java.io.Serializable;

/**
 * The triggers of one symbol for one price and direction (say, the bid falling), in two heaps by
 * their distance from the price when placed. Most accounts sit far from their band's edges and
 * their triggers are rarely crossed; the few near an edge have theirs crossed and placed anew
 * again and again. Kept apart, those few live in a small heap that stays in the cache, instead of
 * at the bottom of one heap holding every account's trigger, where each push and pop misses it.
 * A quote pops both heaps; a trigger fires in either, so the split is never a question of
 * correctness.
 */
final class TriggerQueue implements Serializable {

    final TriggerHeap near = new TriggerHeap();
    final TriggerHeap far = new TriggerHeap();
    /**
     * At most the least key of either heap (exactly it after {@link #refreshTop}): what every quote
     * compares with, one field instead of two heaps. Never above the least key, so a crossed
     * trigger is never missed; below it only until the next pop refreshes it.
     */
    private long top = Long.MAX_VALUE;

    /** Pushes a trigger {@code distance} key units from the price into the heap it belongs to. */
    void push(long key, long distance, long nearWidth, int slot, int version) {
        (distance < nearWidth ? near : far).push(key, slot, version);
        top = Math.min(top, key);
    }

    long topKey() {
        return top;
    }

    /** After pops or a sweep: the top is the least key again. */
    void refreshTop() {
        top = Math.min(near.topKey(), far.topKey());
    }

    void sweepIfDoubled(int[] versions) {
        near.sweepIfDoubled(versions);
        far.sweepIfDoubled(versions);
        refreshTop();
    }
}
