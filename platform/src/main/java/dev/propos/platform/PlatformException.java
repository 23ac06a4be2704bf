package dev.propos.platform;

/**
 * A command the platform could not carry out; it has not acted. {@link #retryable()} tells the
 * server whether the same command may succeed later (a timeout, a lost connection, a platform
 * busy) or never will (an unknown account, a malformed amount).
 */
public class PlatformException extends Exception {

    private final boolean retryable;

    public PlatformException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public PlatformException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether executing the same command again may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
