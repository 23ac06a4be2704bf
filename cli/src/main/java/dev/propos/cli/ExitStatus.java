package dev.propos.cli;

/** The exit statuses of evaluate.md. */
final class ExitStatus {

    static final int OK = 0;
    /** A fault of PropOS itself: a bug, or an output that cannot be written. */
    static final int INTERNAL_FAULT = 1;
    /** Invalid input (configuration, events, options): reported as {@code FILE:LINE: message}. */
    static final int BAD_INPUT = 2;

    private ExitStatus() {
    }
}
