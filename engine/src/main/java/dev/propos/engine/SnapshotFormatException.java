package dev.propos.engine;

import java.io.IOException;

/**
 * A snapshot this build cannot restore: not a snapshot, another format version, classes that
 * changed since it was written (an incompatible build), damaged content, or a class a snapshot may
 * not hold. Nothing of it was used; the caller rebuilds the state by replaying its journal from the
 * start instead.
 */
public class SnapshotFormatException extends IOException {

    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
