package dev.propos.cli;

import dev.propos.formats.event.EventReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One {@code --events} argument: a file, or {@code -} for standard input. */
record EventSource(String name, Path file, InputStream stdin) {

    static final String STDIN_ARGUMENT = "-";
    private static final String STDIN_NAME = "<stdin>";

    static EventSource of(String argument, InputStream stdin) {
        return STDIN_ARGUMENT.equals(argument) ? new EventSource(STDIN_NAME, null, stdin)
                : new EventSource(argument, Path.of(argument), null);
    }

    /** Standard input cannot be read twice, so it has no pre-scan: its news apply from where they stand. */
    boolean isStdin() {
        return file == null;
    }

    InputStream open() {
        if (isStdin()) {
            // Closing the reader must not close standard input: "-" may be given again.
            return new FilterInputStream(stdin) {
                @Override
                public void close() {
                }
            };
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    EventReader reader() {
        return new EventReader(name, open());
    }

    BadInputException unreadable(IOException e) {
        return new BadInputException(name + ": cannot read: " + describe(e));
    }

    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
