package dev.propos.bench;

import dev.propos.engine.Engine;
import dev.propos.engine.reference.ReferenceEvaluator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine alone on the hot path: quotes against N accounts holding 4 positions each across 8
 * symbols, one thread. Throughput is quotes per second. {@code naive} runs the reference
 * evaluator (every quote revalues every account) on the same load, as the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class QuoteBenchmark {

    @Param({"1000", "10000", "50000", "100000"})
    public int accounts;

    @Param({"false"})
    public boolean naive;

    private Engine engine;
    private QuoteTape tape;
    private long decisions;

    @Setup(Level.Trial)
    public void setUp() {
        LoadGenerator load = new LoadGenerator(42, accounts, 8, 4);
        engine = naive ? ReferenceEvaluator.create(LoadGenerator.config(), d -> decisions++)
                : new Engine(LoadGenerator.config(), d -> decisions++);
        load.setup(engine::apply);
        tape = new QuoteTape(load, 1 << 20, load.lastTime());
    }

    @Benchmark
    public void quote(Blackhole blackhole) {
        engine.apply(tape.next());
        blackhole.consume(decisions);
    }
}
