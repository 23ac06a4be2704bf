package dev.propos.bench;

import dev.propos.engine.Engine;
import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.engine.reference.ReferenceEvaluator;
import dev.propos.formats.config.ConfigReader;
import dev.propos.formats.decision.DecisionWriter;
import dev.propos.formats.event.EventReader;
import dev.propos.formats.event.NewsScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The pipeline of {@code propos evaluate} in one process, with the evaluator chosen: the engine, or
 * the naive {@link ReferenceEvaluator} (every quote revalues every account), so that both can be
 * timed on the same file. As the CLI: configuration read by {@link ConfigReader}, the calendar
 * pre-scan ({@link NewsScanner}), events parsed by {@link EventReader}, decisions written as JSON by
 * {@link DecisionWriter} (here to a null stream), then the status lines.
 *
 * <p>The naive evaluator is far too slow for a whole large file, so the timed window is bounded:
 * the first {@code --skip-lines} events (the load's setup: accounts and their positions) are
 * applied untimed, then events are applied for {@code --warmup-seconds} (JIT warm-up, not
 * counted), then counted for at most {@code --max-seconds} or to the end of the file.
 *
 * <pre>
 * java -Xmx512m -cp bench/target/benchmarks.jar dev.propos.bench.EvaluatePipeline \
 *     --evaluator naive|engine --config FILE --events FILE [--skip-lines N] [--warmup-seconds S] [--max-seconds S]
 *     [--progress N]
 * </pre>
 *
 * {@code --progress N} prints the rate of every N events on standard error (where the time goes
 * along a file).
 *
 * Prints one line {@code RESULT key=value ...} that {@link EvaluateBenchmark} reads.
 */
public final class EvaluatePipeline {

    private EvaluatePipeline() {
    }

    public static void main(String[] args) throws IOException {
        String evaluator = "engine";
        Path config = null;
        Path events = null;
        long skipLines = 0;
        double warmupSeconds = 0;
        double maxSeconds = Double.POSITIVE_INFINITY;
        long progress = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--evaluator" -> evaluator = value;
                case "--config" -> config = Path.of(value);
                case "--events" -> events = Path.of(value);
                case "--skip-lines" -> skipLines = Long.parseLong(value);
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(value);
                case "--max-seconds" -> maxSeconds = Double.parseDouble(value);
                case "--progress" -> progress = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (config == null || events == null || !List.of("engine", "naive").contains(evaluator)) {
            System.err.println("usage: EvaluatePipeline --evaluator engine|naive --config FILE --events FILE"
                    + " [--skip-lines N] [--warmup-seconds S] [--max-seconds S] [--progress N]");
            System.exit(2);
        }
        Result result = run(evaluator.equals("naive"), config, events, skipLines, warmupSeconds, maxSeconds,
                progress);
        System.out.println(result.line(evaluator));
    }

    /** What one run measured. */
    record Result(long untimedEvents, long warmupEvents, long timedEvents, double timedSeconds, long decisions,
                  boolean reachedEnd, double totalSeconds) {

        double eventsPerSecond() {
            return timedEvents / timedSeconds;
        }

        String line(String evaluator) {
            return String.format(Locale.ROOT,
                    "RESULT evaluator=%s untimed_events=%d warmup_events=%d timed_events=%d timed_seconds=%.3f"
                            + " events_per_second=%.1f decisions=%d reached_end=%b total_seconds=%.3f",
                    evaluator, untimedEvents, warmupEvents, timedEvents, timedSeconds, eventsPerSecond(),
                    decisions, reachedEnd, totalSeconds);
        }
    }

    static Result run(boolean naive, Path configFile, Path eventsFile, long skipLines, double warmupSeconds,
                      double maxSeconds, long progress) throws IOException {
        long start = System.nanoTime();
        FirmConfig config = ConfigReader.read(List.of(configFile));
        long[] decisionCount = {0};
        DecisionWriter writer = new DecisionWriter(OutputStream.nullOutputStream());
        Consumer<Decision> decisions = decision -> {
            decisionCount[0]++;
            writer.accept(decision);
        };
        Engine engine = naive ? ReferenceEvaluator.create(config, decisions) : new Engine(config, decisions);
        try (InputStream in = Files.newInputStream(eventsFile)) {
            NewsScanner.scan(eventsFile.toString(), in, (news, line) -> engine.addCalendarEntry(news));
        }
        long untimed = 0;
        long warmup = 0;
        long timed = 0;
        long phaseStart = 0;
        long warmupEnd = Long.MAX_VALUE;
        long timedStart = 0;
        long deadline = Long.MAX_VALUE;
        boolean reachedEnd = true;
        int phase = skipLines > 0 ? 0 : 1; // 0 untimed setup, 1 warm-up, 2 timed
        long applied = 0;
        long lastProgress = System.nanoTime();
        try (EventReader reader = EventReader.open(eventsFile)) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                if (event instanceof Event.News) {
                    continue; // applied by the pre-scan, as in the CLI
                }
                engine.apply(event);
                if (progress > 0 && ++applied % progress == 0) {
                    long now = System.nanoTime();
                    System.err.printf(Locale.ROOT, "%,d events applied (at %s): the last %,d at %,.0f events/s%n",
                            applied, event.time(), progress, progress / ((now - lastProgress) / 1e9));
                    lastProgress = now;
                }
                if (phase == 0) {
                    if (++untimed >= skipLines) {
                        phase = 1;
                    }
                    continue;
                }
                if (phase == 1) {
                    long now = System.nanoTime();
                    if (phaseStart == 0) {
                        phaseStart = now;
                        warmupEnd = now + (long) (warmupSeconds * 1e9);
                    }
                    if (now >= warmupEnd) {
                        phase = 2;
                        timedStart = now;
                        deadline = maxSeconds == Double.POSITIVE_INFINITY ? Long.MAX_VALUE
                                : now + (long) (maxSeconds * 1e9);
                    } else {
                        warmup++;
                    }
                    continue;
                }
                timed++;
                // Reading the clock costs little next to an event, but not nothing: every 16th.
                if ((timed & 15) == 0 && System.nanoTime() >= deadline) {
                    reachedEnd = false;
                    break;
                }
            }
        }
        long timedEnd = System.nanoTime();
        if (reachedEnd) {
            engine.statuses().forEach(decisions);
        }
        writer.flush();
        long end = System.nanoTime();
        double timedSeconds = timedStart == 0 ? 0 : (timedEnd - timedStart) / 1e9;
        return new Result(untimed, warmup, timed, timedSeconds, decisionCount[0], reachedEnd, (end - start) / 1e9);
    }
}
