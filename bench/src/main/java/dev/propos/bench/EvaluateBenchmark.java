package dev.propos.bench;

import dev.propos.engine.config.FirmConfig;
import dev.propos.formats.config.ConfigReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code propos evaluate} end to end, as a user runs it: generates large event files from
 * {@link LoadGenerator} (once; they are kept under {@code bench/target/load/}), runs the real CLI jar
 * on them in a child JVM with a fixed small heap, and reports wall-clock events per second and the
 * child's peak resident memory for each length: the same heap and about the same peak for a file
 * four times longer shows that memory does not grow with the file. Then the naive baseline in the
 * same run: {@link EvaluatePipeline} (the CLI's pipeline in one process) with the
 * {@code ReferenceEvaluator} and with the engine, on the same file, for the ratio.
 *
 * <pre>
 * ./mvnw -q -pl bench -am clean package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.propos.bench.EvaluateBenchmark [--accounts 50000] [--positions 4]
 *     [--symbols 8] [--trade-share 0.01] [--seed 42] [--lengths 5000000,20000000] [--heap 512m] [--runs 2]
 *     [--naive-warmup 10] [--naive-seconds 50] [--engine-warmup 5] [--cli-java-options "..."]
 *     [--skip-naive false] [--root .] [--dir bench/target/load]
 * </pre>
 *
 * Run it from the repository root (or give {@code --root}). The files go to {@code --dir}
 * (relative to the root, or absolute), with a copy of the two jars measured, so that a build
 * running meanwhile cannot change them. Prints a markdown report, also saved there as
 * {@code report.md}.
 */
public final class EvaluateBenchmark {

    private final Map<String, String> options = new TreeMap<>();

    private EvaluateBenchmark(String[] args) {
        options.put("root", ".");
        options.put("dir", "bench/target/load");
        options.put("accounts", "50000");
        options.put("positions", "4");
        options.put("symbols", "8");
        options.put("trade-share", "0.01");
        options.put("seed", "42");
        options.put("lengths", "5000000,20000000");
        options.put("heap", "512m");
        options.put("runs", "2");
        options.put("naive-warmup", "10");
        options.put("naive-seconds", "50");
        options.put("engine-warmup", "5");
        options.put("cli-java-options", "");
        options.put("skip-naive", "false");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2)) || i + 1 == args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                        + " (options: " + options.keySet() + ")");
            }
            options.put(args[i].substring(2), args[++i]);
        }
    }

    public static void main(String[] args) throws Exception {
        new EvaluateBenchmark(args).run();
    }

    private String option(String name) {
        return options.get(name);
    }

    private int intOption(String name) {
        return Integer.parseInt(option(name));
    }

    private void run() throws Exception {
        Path root = Path.of(option("root")).toAbsolutePath().normalize();
        Path dir = root.resolve(option("dir"));
        Files.createDirectories(dir);
        // The jars measured are copied first, so that a build running meanwhile cannot swap or delete them.
        Path cliJar = dir.resolve("propos.jar");
        Path benchJar = dir.resolve("benchmarks.jar");
        for (String jar : List.of("cli/target/propos.jar", "bench/target/benchmarks.jar")) {
            Path built = root.resolve(jar);
            if (!Files.isRegularFile(built)) {
                throw new IllegalStateException(built + " is missing: build first"
                        + " (./mvnw -q -pl bench -am clean package -DskipTests)");
            }
            Files.copy(built, dir.resolve(built.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        String loadAverageBefore = loadAverage();
        Path config = writeConfig(dir);

        int accounts = intOption("accounts");
        int positions = intOption("positions");
        int symbols = intOption("symbols");
        double tradeShare = Double.parseDouble(option("trade-share"));
        long seed = Long.parseLong(option("seed"));
        long[] lengths = Arrays.stream(option("lengths").split(",")).mapToLong(Long::parseLong).sorted().toArray();
        long setupEvents = symbols + (long) accounts + (long) accounts * positions;
        String stem = String.format(Locale.ROOT, "events-a%d-p%d-s%d-t%s-seed%d", accounts, positions, symbols,
                option("trade-share"), seed);
        List<Path> files = new ArrayList<>();
        for (long length : lengths) {
            files.add(dir.resolve(stem + "-n" + length + ".jsonl"));
        }
        generate(files, lengths, setupEvents, accounts, positions, symbols, tradeShare, seed);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String heap = "-Xmx" + option("heap");
        List<String> cliJavaOptions = option("cli-java-options").isBlank() ? List.of()
                : List.of(option("cli-java-options").trim().split("\\s+"));

        // 1. The real CLI, end to end.
        List<String[]> cliRows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            for (int run = 1; run <= intOption("runs"); run++) {
                List<String> command = new ArrayList<>(List.of(java, heap));
                command.addAll(cliJavaOptions);
                command.addAll(List.of("-jar", cliJar.toString(), "evaluate", "--config", config.toString(),
                        "--events", file.toString(), "--out", "/dev/null"));
                Measured measured = measure(command, dir.resolve("cli-" + lengths[i] + "-run" + run));
                double perSecond = lengths[i] / measured.wallSeconds;
                log("propos evaluate, %,d events, run %d: %.2f s, %,.0f events/s, peak RSS %,d MiB",
                        lengths[i], run, measured.wallSeconds, perSecond, measured.peakRssKiB / 1024);
                cliRows.add(new String[] {String.format(Locale.ROOT, "%,d", lengths[i]),
                        String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6), String.valueOf(run),
                        String.format(Locale.ROOT, "%.2f", measured.wallSeconds),
                        String.format(Locale.ROOT, "%,.0f", perSecond),
                        String.format(Locale.ROOT, "%,d", measured.peakRssKiB / 1024)});
            }
        }

        // 2. Engine and naive in the same pipeline, on the shortest file.
        Path small = files.getFirst();
        List<String[]> pipelineRows = new ArrayList<>();
        double enginePerSecond = Double.NaN;
        double naivePerSecond = Double.NaN;
        for (String evaluator : Boolean.parseBoolean(option("skip-naive")) ? List.of("engine")
                : List.of("engine", "naive")) {
            boolean naive = evaluator.equals("naive");
            List<String> command = new ArrayList<>(List.of(java, heap, "-cp", benchJar.toString(),
                    EvaluatePipeline.class.getName(), "--evaluator", evaluator, "--config", config.toString(),
                    "--events", small.toString(), "--skip-lines", String.valueOf(setupEvents),
                    "--warmup-seconds", option(naive ? "naive-warmup" : "engine-warmup")));
            if (naive) {
                command.addAll(List.of("--max-seconds", option("naive-seconds")));
            }
            Path base = dir.resolve("pipeline-" + evaluator);
            Measured measured = measure(command, base);
            Map<String, String> result = parseResult(Files.readString(Path.of(base + ".out")));
            double perSecond = Double.parseDouble(result.get("events_per_second"));
            if (naive) {
                naivePerSecond = perSecond;
            } else {
                enginePerSecond = perSecond;
            }
            log("pipeline %s: %s", evaluator, result);
            pipelineRows.add(new String[] {evaluator.equals("naive") ? "naive (ReferenceEvaluator)" : "engine",
                    String.format(Locale.ROOT, "%,d", Long.parseLong(result.get("untimed_events"))),
                    String.format(Locale.ROOT, "%,d", Long.parseLong(result.get("warmup_events"))),
                    String.format(Locale.ROOT, "%,d", Long.parseLong(result.get("timed_events"))),
                    result.get("timed_seconds"),
                    String.format(Locale.ROOT, "%,.0f", perSecond),
                    String.format(Locale.ROOT, "%,d", measured.peakRssKiB / 1024)});
        }

        String report = report(lengths, setupEvents, accounts, positions, symbols, tradeShare, seed, heap,
                cliJavaOptions, cliRows, pipelineRows, enginePerSecond, naivePerSecond, small, loadAverageBefore);
        Files.writeString(dir.resolve("report.md"), report);
        System.out.println();
        System.out.println(report);
    }

    // --- inputs ----------------------------------------------------------------------------

    /**
     * Copies the committed configuration next to the files, after checking that it is
     * {@link LoadGenerator#config()}: the events are generated against that configuration.
     */
    private static Path writeConfig(Path dir) throws IOException {
        Path config = dir.resolve("load-config.yaml");
        try (InputStream in = EvaluateBenchmark.class.getResourceAsStream("/load-config.yaml")) {
            if (in == null) {
                throw new IllegalStateException("load-config.yaml is not on the class path");
            }
            Files.copy(in, config, StandardCopyOption.REPLACE_EXISTING);
        }
        FirmConfig read = ConfigReader.read(List.of(config));
        if (!read.equals(LoadGenerator.config())) {
            throw new IllegalStateException("bench/src/main/resources/load-config.yaml no longer reads as"
                    + " LoadGenerator.config(): update it\n  file: " + read + "\n  code: " + LoadGenerator.config());
        }
        return config;
    }

    /**
     * Writes the files that are missing, in one pass of the generator: each shorter file is the
     * start of the longer ones (the same seed gives the same events). A file of length N holds the
     * setup (quotes, accounts, positions) and then N minus that many stream events.
     */
    private static void generate(List<Path> files, long[] lengths, long setupEvents, int accounts, int positions,
                                 int symbols, double tradeShare, long seed) throws IOException {
        if (files.stream().allMatch(Files::isRegularFile)) {
            log("event files present in %s (delete them to regenerate)", files.getFirst().getParent());
            return;
        }
        if (lengths[0] <= setupEvents) {
            throw new IllegalArgumentException("the shortest length must exceed the setup's " + setupEvents
                    + " events");
        }
        long started = System.nanoTime();
        List<Path> temporary = new ArrayList<>();
        List<EventFileWriter> writers = new ArrayList<>();
        for (Path file : files) {
            Path part = Path.of(file + ".part");
            temporary.add(part);
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
            writers.add(new EventFileWriter(out));
        }
        long maxLength = lengths[lengths.length - 1];
        long[] written = {0};
        LoadGenerator load = new LoadGenerator(seed, accounts, symbols, positions);
        java.util.function.Consumer<dev.propos.engine.event.Event> sink = event -> {
            long n = written[0]++;
            for (int i = 0; i < writers.size(); i++) {
                if (n < lengths[i]) {
                    writers.get(i).accept(event);
                }
            }
            if (n % 5_000_000 == 4_999_999) {
                log("  generated %,d of %,d events", n + 1, maxLength);
            }
        };
        load.setup(sink);
        if (written[0] != setupEvents) {
            throw new IllegalStateException("setup made " + written[0] + " events, expected " + setupEvents);
        }
        load.stream(maxLength - setupEvents, tradeShare, sink);
        for (EventFileWriter writer : writers) {
            writer.close();
        }
        for (int i = 0; i < files.size(); i++) {
            Files.move(temporary.get(i), files.get(i), StandardCopyOption.REPLACE_EXISTING);
        }
        log("generated %s in %.1f s", files, (System.nanoTime() - started) / 1e9);
    }

    // --- child processes -------------------------------------------------------------------

    private record Measured(double wallSeconds, long peakRssKiB) {
    }

    /**
     * Runs {@code command} with standard output and error to {@code base.out} / {@code base.err},
     * timing its wall clock and reading its peak resident set size: from GNU time when
     * {@code /usr/bin/time} exists, else by polling {@code VmHWM} in {@code /proc/PID/status}.
     */
    private static Measured measure(List<String> command, Path base) throws IOException, InterruptedException {
        Path timeFile = Path.of(base + ".time");
        Files.deleteIfExists(timeFile);
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        List<String> full = new ArrayList<>();
        if (gnuTime) {
            full.addAll(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%M"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectOutput(Path.of(base + ".out").toFile())
                .redirectError(Path.of(base + ".err").toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        long polledKiB = 0;
        while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
            if (!gnuTime) {
                polledKiB = Math.max(polledKiB, vmHwmKiB(process.pid()));
            }
        }
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                    + ": " + Files.readString(Path.of(base + ".err")));
        }
        long peakKiB = polledKiB;
        if (gnuTime) {
            List<String> lines = Files.readAllLines(timeFile);
            peakKiB = Long.parseLong(lines.getLast().trim());
        }
        return new Measured(wallSeconds, peakKiB);
    }

    private static long vmHwmKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the process has just ended
        }
        return 0;
    }

    private static Map<String, String> parseResult(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                Map<String, String> result = new TreeMap<>();
                for (String pair : line.substring(7).trim().split(" ")) {
                    int equals = pair.indexOf('=');
                    result.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
                return result;
            }
        }
        throw new IllegalStateException("no RESULT line in: " + output);
    }

    // --- report ----------------------------------------------------------------------------

    private String report(long[] lengths, long setupEvents, int accounts, int positions, int symbols,
                          double tradeShare, long seed, String heap, List<String> cliJavaOptions,
                          List<String[]> cliRows, List<String[]> pipelineRows, double enginePerSecond,
                          double naivePerSecond, Path small, String loadAverageBefore) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %d cores (nproc), %s, JDK %s (%s), %s.%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), memoryTotal()));
        md.append(String.format(Locale.ROOT, "Load average (1, 5, 15 min) before: %s; after: %s.%n%n",
                loadAverageBefore, loadAverage()));
        md.append(String.format(Locale.ROOT, "Load: LoadGenerator(seed %d, %,d accounts, %d symbols, %d positions"
                        + " each), trade share %s; each file = setup (%,d events) + quotes and trades.%n%n",
                seed, accounts, symbols, positions, tradeShare, setupEvents));
        md.append(String.format(Locale.ROOT, "`java %s%s -jar cli/target/propos.jar evaluate --config load-config.yaml"
                + " --events FILE --out /dev/null` (wall clock of the whole process, JVM start-up included;"
                + " peak RSS from GNU time):%n%n", heap, cliJavaOptions.isEmpty() ? "" : " "
                + String.join(" ", cliJavaOptions)));
        md.append("| events in file | file size | run | wall s | events/s | peak RSS MiB |\n");
        md.append("|---:|---:|---:|---:|---:|---:|\n");
        for (String[] row : cliRows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%nSame pipeline in one process (EvaluatePipeline, `java %s`), on the"
                + " %,d-event file: setup applied untimed, then a warm-up, then the timed window"
                + " (naive: at most %s s):%n%n", heap, lengths[0], option("naive-seconds")));
        md.append("| evaluator | setup events (untimed) | warm-up events | timed events | timed s | events/s"
                + " | peak RSS MiB |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String[] row : pipelineRows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        if (!Double.isNaN(naivePerSecond)) {
            md.append(String.format(Locale.ROOT, "%nRatio engine / naive (events/s, same pipeline, same file):"
                    + " **%,.0f×**.%n", enginePerSecond / naivePerSecond));
        }
        return md.toString();
    }

    private static String cpuModel() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static String memoryTotal() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.0f GiB RAM", kib / 1024.0 / 1024.0);
            }
        }
        return "unknown RAM";
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
