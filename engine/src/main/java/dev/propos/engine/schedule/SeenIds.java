package dev.propos.engine.schedule;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** Event ids seen in the last 24 hours of stream time: a resend within them is a duplicate. */
public final class SeenIds implements Serializable {

    private static final Duration MEMORY = Duration.ofHours(24);

    private record Seen(String id, Instant time) implements Serializable {
    }

    private final Map<String, Instant> byId = new HashMap<>();
    private final ArrayDeque<Seen> inOrder = new ArrayDeque<>();

    /** Whether {@code id} was seen on an event timed within the 24 hours before {@code now}, inclusive. */
    public boolean isDuplicate(String id, Instant now) {
        Instant seen = byId.get(id);
        return seen != null && (now == null || !seen.isBefore(now.minus(MEMORY)));
    }

    public void remember(String id, Instant time) {
        byId.put(id, time);
        inOrder.addLast(new Seen(id, time));
        forgetBefore(time.minus(MEMORY));
    }

    private void forgetBefore(Instant horizon) {
        while (!inOrder.isEmpty() && inOrder.peekFirst().time().isBefore(horizon)) {
            Seen old = inOrder.pollFirst();
            byId.remove(old.id(), old.time());
        }
    }
}
