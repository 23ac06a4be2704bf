package dev.propos.server.simulator;

import dev.propos.engine.event.Event;
import dev.propos.formats.event.EventLineParser;
import dev.propos.platform.simulator.SimulatorPlatform;
import dev.propos.server.journal.JournalStore;
import dev.propos.server.reactions.ReactionHistory;
import dev.propos.server.runtime.FirmParticipant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator keeps its accounts in memory; after a restart it rebuilds them from what PropOS
 * has on record (the journal and the commands carried out) before it delivers anything, so that
 * it goes on exactly where the firm's record stands.
 */
class SimulatorRecovery implements FirmParticipant {

    private static final Logger log = LoggerFactory.getLogger(SimulatorRecovery.class);

    private final SimulatorPlatform simulator;
    private final JournalStore journal;
    private final ReactionHistory reactions;

    SimulatorRecovery(SimulatorPlatform simulator, JournalStore journal, ReactionHistory reactions) {
        this.simulator = simulator;
        this.journal = journal;
        this.reactions = reactions;
    }

    @Override
    public void start() {
        List<Event> events = new ArrayList<>();
        EventLineParser parser = new EventLineParser();
        journal.readJournalEvents(0, stored -> {
            byte[] bytes = stored.line().getBytes(StandardCharsets.UTF_8);
            events.add(parser.parse(bytes, 0, bytes.length));
        });
        if (events.isEmpty()) {
            return;
        }
        simulator.recover(events, reactions.executed());
        log.info("Simulator recovered from {} journaled events; simulated time {}", events.size(), simulator.now());
    }

    @Override
    public void stop() {
    }
}
