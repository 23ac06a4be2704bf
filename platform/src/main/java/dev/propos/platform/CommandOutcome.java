package dev.propos.platform;

import java.util.Objects;

/**
 * What a platform did for a command, for the server's record of reactions. {@code detail} is a
 * short human-readable line ("closed 2 positions", "account A-1 is already disabled").
 */
public record CommandOutcome(String commandId, String detail) {

    public CommandOutcome {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(detail, "detail");
    }
}
