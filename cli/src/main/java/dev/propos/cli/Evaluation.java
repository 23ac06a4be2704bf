package dev.propos.cli;

import dev.propos.engine.Engine;
import dev.propos.engine.EngineException;
import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.formats.event.EventFormatException;
import dev.propos.formats.event.EventReader;
import dev.propos.formats.event.NewsScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * One replay of evaluate.md: the calendar pre-scan of the files, then every event in order through
 * the engine, then the status lines. Any invalid input stops it with a {@link BadInputException}
 * naming {@code FILE:LINE}; the decisions made until then have gone to the sink.
 */
final class Evaluation {

    private final Engine engine;
    private final Consumer<Decision> decisions;

    Evaluation(FirmConfig config, Consumer<Decision> decisions) {
        this.engine = new Engine(config, decisions);
        this.decisions = decisions;
    }

    void run(List<EventSource> sources, boolean withStatus) {
        for (EventSource source : sources) {
            if (!source.isStdin()) {
                addCalendar(source);
            }
        }
        for (EventSource source : sources) {
            replay(source);
        }
        if (withStatus) {
            engine.statuses().forEach(decisions);
        }
    }

    private void addCalendar(EventSource source) {
        try (InputStream in = source.open()) {
            NewsScanner.scan(source.name(), in, (news, line) -> {
                try {
                    engine.addCalendarEntry(news);
                } catch (EngineException e) {
                    throw located(source.name(), line, e);
                }
            });
        } catch (EventFormatException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw source.unreadable(e);
        }
    }

    private void replay(EventSource source) {
        try (EventReader events = source.reader()) {
            for (Event event = events.next(); event != null; event = events.next()) {
                // A file's calendar was added by the pre-scan; standard input's applies from where it stands.
                if (event instanceof Event.News && !source.isStdin()) {
                    continue;
                }
                try {
                    engine.apply(event);
                } catch (EngineException e) {
                    throw located(source.name(), events.lineNumber(), e);
                }
            }
        } catch (EventFormatException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw source.unreadable(e);
        }
    }

    private static BadInputException located(String source, int line, EngineException e) {
        return new BadInputException(source + ":" + line + ": " + e.getMessage());
    }
}
