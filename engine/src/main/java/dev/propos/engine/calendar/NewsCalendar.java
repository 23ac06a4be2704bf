package dev.propos.engine.calendar;

import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.decision.Measure;
import dev.propos.engine.event.Event.News;
import dev.propos.engine.event.Impact;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** The economic calendar: news entries by scheduled time, and the windows they put around it. */
public final class NewsCalendar implements Serializable {

    private final NavigableMap<Instant, List<News>> byTime = new TreeMap<>();
    private final Set<String> ids = new HashSet<>();
    private Duration longestSpan = Duration.ZERO;

    /** Adds an entry; an entry whose id is already known is ignored (a resent calendar line). */
    public void add(News news) {
        if (news.id() != null && !ids.add(news.id())) {
            return;
        }
        byTime.computeIfAbsent(news.time(), t -> new ArrayList<>()).add(news);
        if (news.endTime() != null && news.endTime().isAfter(news.time())) {
            Duration span = Duration.between(news.time(), news.endTime());
            if (span.compareTo(longestSpan) > 0) {
                longestSpan = span;
            }
        }
    }

    /**
     * The earliest-starting window around an entry of one of {@code impacts} that affects
     * {@code symbol} and contains {@code instant} (known by then), or null. With {@code alsoContains},
     * the window must contain that instant too.
     */
    public Measure.Window windowContaining(Instant instant, Instant alsoContains, SymbolSpec symbol,
                                          Set<Impact> impacts, Duration before, Duration after) {
        Instant from = instant.minus(after).minus(longestSpan);
        Instant to = instant.plus(before);
        Measure.Window earliest = null;
        for (Map.Entry<Instant, List<News>> entry : byTime.subMap(from, true, to, true).entrySet()) {
            for (News news : entry.getValue()) {
                if (!impacts.contains(news.impact()) || !affects(news, symbol)
                        || !judges(news, instant) || (alsoContains != null && !judges(news, alsoContains))) {
                    continue;
                }
                Instant start = news.time().minus(before);
                Instant end = (news.endTime() != null ? news.endTime() : news.time()).plus(after);
                if (inside(instant, start, end) && (alsoContains == null || inside(alsoContains, start, end))
                        && (earliest == null || start.isBefore(earliest.start()))) {
                    earliest = new Measure.Window(start, end);
                }
            }
        }
        return earliest;
    }

    /** An entry judges only the opens and closes made once it is known. */
    private static boolean judges(News news, Instant instant) {
        return news.knownFrom() == null || !instant.isBefore(news.knownFrom());
    }

    private static boolean inside(Instant instant, Instant start, Instant end) {
        return !instant.isBefore(start) && !instant.isAfter(end);
    }

    /** An entry affects a symbol it lists, or a symbol one of whose currencies it names. */
    static boolean affects(News news, SymbolSpec symbol) {
        if (news.symbols().contains(symbol.name())) {
            return true;
        }
        if (SymbolSpec.isCurrencyPair(symbol.name())) {
            return news.currencies().contains(symbol.name().substring(0, 3))
                    || news.currencies().contains(symbol.name().substring(3));
        }
        return news.currencies().contains(symbol.profitCurrency());
    }
}
