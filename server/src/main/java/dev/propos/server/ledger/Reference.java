package dev.propos.server.ledger;

import java.util.Objects;

/**
 * What caused a transfer: the decision, event or webhook whose consequence it is, so that every
 * amount in the ledger can be traced to its reason.
 */
public record Reference(String type, String id) {

    public Reference {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** A decision of the engine, e.g. {@code r123-0} (journal entry 123, its first decision). */
    public static Reference decision(String id) {
        return new Reference("decision", id);
    }

    /** An accepted event, by its event id. */
    public static Reference event(String eventId) {
        return new Reference("event", eventId);
    }

    /** A payment provider's notification, by the provider's event id. */
    public static Reference webhook(String providerEventId) {
        return new Reference("webhook", providerEventId);
    }

    /** A person's action (already in the audit log), by their user name. */
    public static Reference operator(String username) {
        return new Reference("operator", username);
    }

    boolean isBlank() {
        return type.isBlank() || id.isBlank();
    }
}
