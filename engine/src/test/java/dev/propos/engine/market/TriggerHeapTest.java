package dev.propos.engine.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TriggerHeapTest {

    /** Pushes, pops and sweeps against a PriorityQueue as oracle: the live keys come out in the same order. */
    @Property(tries = 200)
    void behavesLikeAPriorityQueueOfLiveEntries(@ForAll long seed) {
        Random random = new Random(seed);
        TriggerHeap heap = new TriggerHeap();
        int[] versions = new int[16];
        PriorityQueue<long[]> oracle = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int step = 0; step < 500; step++) {
            int action = random.nextInt(10);
            if (action < 6) {
                int slot = random.nextInt(versions.length);
                long key = (random.nextInt(1000) - 500) * 1000L + step; // unique: ties may pop in either order
                heap.push(key, slot, versions[slot]);
                oracle.add(new long[] {key, slot, versions[slot]});
            } else if (action < 8 && !heap.isEmpty()) {
                assertThat(heap.topKey()).isEqualTo(oracle.peek()[0]);
                heap.pop();
                oracle.poll();
            } else if (action == 8) {
                versions[random.nextInt(versions.length)]++;
            } else {
                heap.sweep(versions);
                oracle.removeIf(entry -> entry[2] != versions[(int) entry[1]]);
                assertThat(heap.size()).isEqualTo(oracle.size());
            }
        }
        List<Long> fromHeap = new ArrayList<>();
        while (!heap.isEmpty()) {
            fromHeap.add(heap.topKey());
            heap.pop();
        }
        List<Long> fromOracle = new ArrayList<>();
        while (!oracle.isEmpty()) {
            fromOracle.add(oracle.poll()[0]);
        }
        assertThat(fromHeap).isEqualTo(fromOracle);
    }
}
