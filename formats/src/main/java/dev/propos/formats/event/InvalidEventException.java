package dev.propos.formats.event;

/**
 * One event line that does not follow events.md; the message names the field. It has no location:
 * readers wrap it in an {@link EventFormatException}.
 */
public final class InvalidEventException extends RuntimeException {

    private final String eventType;

    InvalidEventException(String message, String eventType) {
        super(message);
        this.eventType = eventType;
    }

    /** The line's {@code type} when it was read and known before the problem, else null. */
    public String eventType() {
        return eventType;
    }
}
