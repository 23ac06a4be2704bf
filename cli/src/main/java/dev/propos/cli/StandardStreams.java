package dev.propos.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/** The process's standard streams, passed in so that commands can be run in tests. */
public record StandardStreams(InputStream in, OutputStream out, PrintStream err) {

    /**
     * The real ones. Standard output is the raw descriptor: commands buffer their own output, and
     * {@code System.out} would add a second buffer and a lock.
     */
    public static StandardStreams system() {
        return new StandardStreams(System.in, new FileOutputStream(FileDescriptor.out), System.err);
    }
}
