package dev.propos.server.journal;

/** What became of one offered line: accepted (acknowledged, durable), a duplicate of an accepted one, or rejected. */
public record LineOutcome(int line, Status status, String id, String reason) {

    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED
    }

    static LineOutcome accepted(IncomingLine line) {
        return new LineOutcome(line.number(), Status.ACCEPTED, line.event().id(), null);
    }

    static LineOutcome duplicate(IncomingLine line) {
        return new LineOutcome(line.number(), Status.DUPLICATE, line.event().id(), null);
    }

    static LineOutcome rejected(IncomingLine line, String reason) {
        return new LineOutcome(line.number(), Status.REJECTED, line.event() == null ? null : line.event().id(), reason);
    }
}
