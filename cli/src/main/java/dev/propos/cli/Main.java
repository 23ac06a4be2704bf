package dev.propos.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code propos}: the command line. Each tool is a subcommand; add new ones in {@link #commandLine}. */
@Command(name = "propos", mixinStandardHelpOptions = true, version = "PropOS 0.1.0",
        description = "The operating system of a proprietary trading firm.")
public final class Main implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(StandardStreams.system(), args));
    }

    /** Runs one command line and returns its exit status (evaluate.md: 0 done, 1 internal fault, 2 bad input). */
    public static int run(StandardStreams streams, String... args) {
        CommandLine commandLine = commandLine(streams);
        int status = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return status;
    }

    static CommandLine commandLine(StandardStreams streams) {
        PrintWriter err = new PrintWriter(streams.err(), true);
        return new CommandLine(new Main())
                .addSubcommand(new EvaluateCommand(streams))
                .setOut(new PrintWriter(new OutputStreamWriter(streams.out(), StandardCharsets.UTF_8), true))
                .setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("propos: internal error: " + e);
                    return ExitStatus.INTERNAL_FAULT;
                });
    }

    /** {@code propos} alone: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'propos evaluate --help'");
    }
}
