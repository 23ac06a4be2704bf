package dev.propos.server.journal;

import dev.propos.engine.event.Event;

/**
 * One line offered to the journal: its number in the request, its text, and the event read from
 * it, or why it could not be read.
 */
public record IncomingLine(int number, String text, Event event, String error) {

    public static IncomingLine of(int number, Event event, String text) {
        return new IncomingLine(number, text, event, null);
    }

    public static IncomingLine unreadable(int number, String text, String error) {
        return new IncomingLine(number, text, null, error);
    }
}
