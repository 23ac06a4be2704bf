package dev.propos.server.platform;

import dev.propos.platform.TradingPlatform;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.journal.LineOutcome;
import dev.propos.server.runtime.FirmParticipant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Connects the trading platform's events to the journal. Delivery blocks until the events are
 * durable, so a platform cannot run ahead of the journal; refused events are kept in the rejected
 * events with their reason, like any ingest's.
 */
@Component
@Order(10)
class PlatformConnection implements FirmParticipant {

    private static final Logger log = LoggerFactory.getLogger(PlatformConnection.class);

    private final TradingPlatform platform;
    private final JournalWriter journal;

    PlatformConnection(TradingPlatform platform, JournalWriter journal) {
        this.platform = platform;
        this.journal = journal;
    }

    @Override
    public void start() {
        String source = "platform:" + platform.name();
        platform.start(events -> {
            List<LineOutcome> outcomes = journal.submitEvents(source, events).join();
            long rejected = outcomes.stream().filter(o -> o.status() == LineOutcome.Status.REJECTED).count();
            if (rejected > 0) {
                log.warn("{} of {} events from {} were refused; see the rejected events", rejected, events.size(), source);
            }
        });
    }

    @Override
    public void stop() {
        platform.close();
    }
}
