package dev.propos.engine.schedule;

import dev.propos.engine.calendar.LocalSchedule;
import dev.propos.engine.config.TradingDay;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/** The trading-day boundaries still to apply, across every trading-day definition in use. */
public final class DayBoundaries implements Serializable {

    private final NavigableSet<Instant> pending = new TreeSet<>();
    private final Map<TradingDay, Instant[]> lastAnswer = new HashMap<>();

    /** The first boundary of {@code day} strictly after {@code after}; it is then pending. */
    public Instant next(TradingDay day, Instant after) {
        Instant[] cached = lastAnswer.get(day);
        if (cached != null && cached[0].equals(after)) {
            return cached[1];
        }
        Instant next = LocalSchedule.nextDaily(day.zone(), day.start(), after);
        lastAnswer.put(day, new Instant[] {after, next});
        pending.add(next);
        return next;
    }

    /** The earliest pending boundary, or null. */
    public Instant first() {
        return pending.isEmpty() ? null : pending.first();
    }

    public void remove(Instant boundary) {
        pending.remove(boundary);
    }
}
