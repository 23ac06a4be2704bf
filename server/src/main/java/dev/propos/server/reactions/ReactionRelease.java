package dev.propos.server.reactions;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lets reactions that waited for {@code key} go ahead (a trader was verified). */
@Component
public class ReactionRelease {

    private final JdbcClient jdbc;
    private final ReactionWorker worker;
    private final Clock clock;

    ReactionRelease(JdbcClient jdbc, ReactionWorker worker, Clock clock) {
        this.jdbc = jdbc;
        this.worker = worker;
        this.clock = clock;
    }

    /** Releases every reaction waiting for {@code key}; how many. */
    public int release(String key) {
        int released = jdbc.sql("update reactions set waits_for = null, next_attempt_at = ?, updated_at = ? where waits_for = ?")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), key).update();
        if (released > 0) {
            worker.wakeUp();
        }
        return released;
    }
}
