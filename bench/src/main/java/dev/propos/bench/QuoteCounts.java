package dev.propos.bench;

import dev.propos.engine.Engine;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.engine.market.Counts;
import dev.propos.engine.market.TriggerRouter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * What the engine does per quote on {@link QuoteBenchmark}'s load, counted rather than timed (a
 * shared machine's timings are noisy; counts are not): per quote, the accounts revalued in
 * decimal, the crossed triggers re-armed after the exact check, the heap pushes and pops. Then
 * the cost of the day boundaries, in CPU time of this thread over a number of days.
 *
 * <pre>
 * java -Xmx4g -cp bench/target/benchmarks.jar dev.propos.bench.QuoteCounts 1000 10000 50000 100000
 * </pre>
 */
public final class QuoteCounts {

    private static final long WARM_UP = 10_000_000;
    private static final long COUNTED = 20_000_000;
    private static final int DAYS = 20;

    private QuoteCounts() {
    }

    public static void main(String[] args) {
        System.out.println("accounts  breaches  revalued/q  re-armed/q  pushes/q    pops/q  stale/q"
                + "  boundaries: ms/day  kept");
        for (String arg : args) {
            count(Integer.parseInt(arg));
        }
    }

    private static void count(int accounts) {
        long[] breaches = {0};
        Engine engine = new Engine(LoadGenerator.config(), decision -> {
            if (decision instanceof Decision.Breach) {
                breaches[0]++;
            }
        });
        LoadGenerator load = new LoadGenerator(42, accounts, 8, 4);
        load.setup(engine::apply);
        QuoteTape tape = new QuoteTape(load, 1 << 20, load.lastTime());
        for (long i = 0; i < WARM_UP; i++) {
            engine.apply(tape.next());
        }
        TriggerRouter router = (TriggerRouter) engine.quoteRouter();
        Counts.Snapshot before = router.counts();
        for (long i = 0; i < COUNTED; i++) {
            engine.apply(tape.next());
        }
        Counts.Snapshot counts = router.counts().since(before);
        double q = COUNTED;
        // Then whole days, each crossing the three programs' boundaries, with a few quotes between;
        // "kept": the share of the accounts updated there whose triggers still held.
        Counts.Snapshot beforeDays = router.counts();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int day = 0; day < DAYS; day++) {
            tape.skip(Duration.ofDays(1));
            engine.apply(new Event.Clock(tape.time(), null));
            for (int i = 0; i < 1000; i++) {
                engine.apply(tape.next());
            }
        }
        double boundaryMillis = (threads.getCurrentThreadCpuTime() - start) / 1e6 / DAYS;
        Counts.Snapshot days = router.counts().since(beforeDays);
        long updates = days.placements() + days.keptArmed();
        System.out.printf("%8d  %8d  %10.5f  %10.5f  %8.5f  %8.5f  %7.5f  %15.1f  %4.0f%%%n", accounts, breaches[0],
                counts.revaluations() / q, counts.rearms() / q, counts.pushes() / q, counts.pops() / q,
                counts.stalePops() / q, boundaryMillis, updates == 0 ? 0 : 100.0 * days.keptArmed() / updates);
    }
}
