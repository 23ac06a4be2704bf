package dev.propos.server.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The decisions table, and the journal entries the engine refused after acknowledgement. */
@Repository
public class DecisionStore {

    /** A journal entry the engine refused, and why. */
    public record Voided(long seq, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DecisionStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records decisions; those recorded before a restart are left as they are. */
    public void insert(List<RecordedDecision> decisions) {
        Timestamp recordedAt = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into decisions (seq, ordinal, type, account, decided_at, recorded_at, line)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (seq, ordinal) do nothing""", decisions, 1000, (statement, recorded) -> {
            statement.setLong(1, recorded.seq());
            statement.setInt(2, recorded.ordinal());
            statement.setString(3, recorded.type());
            statement.setString(4, recorded.account());
            statement.setTimestamp(5, recorded.decision().time() == null ? null : Timestamp.from(recorded.decision().time()));
            statement.setTimestamp(6, recordedAt);
            statement.setString(7, recorded.line());
        });
    }

    public void insertVoided(List<Voided> voided) {
        jdbc.batchUpdate("insert into journal_voided (seq, reason) values (?, ?) on conflict (seq) do nothing",
                voided, 1000, (statement, entry) -> {
                    statement.setLong(1, entry.seq());
                    statement.setString(2, entry.reason());
                });
    }
}
