package dev.propos.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One run of {@code propos} in memory: its exit status, standard output and standard error. */
record Run(int status, String out, String err) {

    /** {@code propos ARGS} with {@code stdin} as standard input. */
    static Run withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new StandardStreams(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code propos ARGS} with an empty standard input. */
    static Run of(String... args) {
        return withStdin("", args);
    }

    /** {@code propos evaluate OPTIONS}. */
    static Run evaluate(String... options) {
        return evaluateWithStdin("", options);
    }

    static Run evaluateWithStdin(String stdin, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "evaluate";
        System.arraycopy(options, 0, args, 1, options.length);
        return withStdin(stdin, args);
    }

    List<String> outLines() {
        return out.lines().toList();
    }
}
