package dev.propos.server.journal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the journal orders events. {@code latenessWindow}: how long (wall time) an acknowledged event
 * is held before it is journaled in time order (spec/server.md). {@code wallClock}: whether the
 * server feeds {@code clock} events at wall time less the window, every {@code clockTick}, so that
 * boundaries and deadlines fire with no trading; off when a simulated platform brings its own clock.
 */
@ConfigurationProperties("propos.journal")
public record JournalSettings(Duration latenessWindow, boolean wallClock, Duration clockTick) {

    public JournalSettings {
        latenessWindow = latenessWindow != null ? latenessWindow : Duration.ofSeconds(2);
        clockTick = clockTick != null ? clockTick : Duration.ofSeconds(1);
    }
}
