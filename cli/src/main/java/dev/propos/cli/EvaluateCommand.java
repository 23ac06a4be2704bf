package dev.propos.cli;

import dev.propos.engine.config.FirmConfig;
import dev.propos.formats.config.ConfigException;
import dev.propos.formats.config.ConfigReader;
import dev.propos.formats.config.ConfigSource;
import dev.propos.formats.decision.DecisionWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code propos evaluate}: replays events under a firm configuration and prints the decisions (spec/evaluate.md). */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Replays events under a firm configuration and prints the engine's decisions as JSON Lines.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Firm configuration (YAML or JSON); repeat to merge several files.")
    private List<Path> configFiles;

    @Option(names = "--events", required = true, paramLabel = "FILE",
            description = "Events (JSON Lines); repeat to read several files in order as one stream;"
                    + " - is standard input.")
    private List<String> eventArguments;

    @Option(names = "--out", paramLabel = "FILE", description = "Write decisions to FILE instead of standard output.")
    private Path outFile;

    @Option(names = "--no-status", description = "Do not print the account_status lines after the decisions.")
    private boolean noStatus;

    private final StandardStreams streams;

    EvaluateCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        FirmConfig config;
        List<EventSource> sources = new ArrayList<>();
        try {
            // The whole configuration is checked before any event is read.
            config = readConfig();
            eventArguments.forEach(argument -> sources.add(EventSource.of(argument, streams.in())));
        } catch (BadInputException | ConfigException e) {
            return badInput(e.getMessage());
        }
        OutputStream out;
        try {
            out = outFile == null ? streams.out() : Files.newOutputStream(outFile);
        } catch (IOException e) {
            return badInput(outFile + ": cannot write: " + EventSource.describe(e));
        }
        try {
            return evaluate(config, sources, out);
        } finally {
            if (outFile != null) {
                closeQuietly(out);
            }
        }
    }

    private int evaluate(FirmConfig config, List<EventSource> sources, OutputStream out) {
        DecisionWriter decisions = new DecisionWriter(out);
        try {
            new Evaluation(config, decisions).run(sources, !noStatus);
            decisions.flush();
            return ExitStatus.OK;
        } catch (BadInputException e) {
            // The decisions made before the bad line stay printed.
            decisions.flush();
            return badInput(e.getMessage());
        } catch (UncheckedIOException e) {
            streams.err().println("propos: cannot write the decisions: " + e.getCause().getMessage());
            return ExitStatus.INTERNAL_FAULT;
        } catch (RuntimeException e) {
            flushQuietly(decisions);
            streams.err().println("propos: internal error: " + e);
            return ExitStatus.INTERNAL_FAULT;
        }
    }

    private FirmConfig readConfig() {
        List<ConfigSource> sources = new ArrayList<>();
        for (Path file : configFiles) {
            try {
                sources.add(ConfigSource.of(file));
            } catch (IOException e) {
                throw new BadInputException(file + ": cannot read: " + EventSource.describe(e));
            }
        }
        return ConfigReader.merge(sources);
    }

    private int badInput(String message) {
        streams.err().println(message);
        return ExitStatus.BAD_INPUT;
    }

    private static void flushQuietly(DecisionWriter decisions) {
        try {
            decisions.flush();
        } catch (UncheckedIOException ignored) {
            // Reporting the first fault matters more.
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // Everything was flushed before; nothing left to lose.
        }
    }
}
