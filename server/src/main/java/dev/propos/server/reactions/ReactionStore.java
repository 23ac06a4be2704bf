package dev.propos.server.reactions;

import dev.propos.formats.event.EventWriter;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reactions table: every platform command PropOS decided on, its attempts and its outcome. */
@Repository
public class ReactionStore {

    /** A stored reaction, as the worker and the API see it. */
    public record Reaction(String commandId, Long seq, Integer ordinal, String account, String kind, String command,
                           String thenJournal, String status, int attempts, Instant nextAttemptAt, String lastError,
                           String outcome, Instant createdAt, Instant updatedAt, String waitsFor) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final Clock clock;

    ReactionStore(JdbcTemplate jdbc, JdbcClient client, Clock clock) {
        this.jdbc = jdbc;
        this.client = client;
        this.clock = clock;
    }

    /** Stores planned reactions; one planned before (same command id) is left as it is. */
    void insert(List<PlannedReaction> planned) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into reactions (command_id, seq, ordinal, account, kind, command, then_journal, status,
                                       next_attempt_at, created_at, updated_at, waits_for)
                values (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?) on conflict (command_id) do nothing""",
                planned, 500, (statement, reaction) -> {
                    statement.setString(1, reaction.command().commandId());
                    if (reaction.seq() == null) {
                        statement.setNull(2, Types.BIGINT);
                        statement.setNull(3, Types.INTEGER);
                    } else {
                        statement.setLong(2, reaction.seq());
                        statement.setInt(3, reaction.ordinal());
                    }
                    statement.setString(4, reaction.account());
                    statement.setString(5, reaction.kind());
                    statement.setString(6, ReactionCodec.json(reaction.command()));
                    statement.setString(7, reaction.thenJournal() == null ? null : EventWriter.line(reaction.thenJournal()));
                    statement.setTimestamp(8, now);
                    statement.setTimestamp(9, now);
                    statement.setTimestamp(10, now);
                    statement.setString(11, reaction.waitsFor());
                });
    }

    /**
     * Pending reactions due now, at most one per account: the account's first pending one, so that
     * a command never overtakes an earlier one that is still failing (enable before disable).
     */
    List<Reaction> due(int limit) {
        return client.sql(SELECT + """
                 r where status = 'pending' and waits_for is null and next_attempt_at <= ? and not exists (
                    select 1 from reactions earlier where earlier.account = r.account and earlier.status = 'pending'
                    and earlier.planned_order < r.planned_order)
                order by planned_order limit ?""")
                .params(Timestamp.from(clock.instant()), limit)
                .query(ReactionStore::reaction).list();
    }

    java.util.Optional<String> status(String commandId) {
        return client.sql("select status from reactions where command_id = ?").param(commandId).query(String.class)
                .optional();
    }

    /** An account's reactions, in the order they were planned. */
    public List<Reaction> ofAccount(String account) {
        return client.sql(SELECT + " where account = ? order by planned_order").param(account)
                .query(ReactionStore::reaction).list();
    }

    /** The enrollment (an operator's account creation) of {@code account}, if it was enrolled. */
    Optional<Reaction> enrollment(String account) {
        return client.sql(SELECT + " where account = ? and seq is null and kind = 'create_account'").param(account)
                .query(ReactionStore::reaction).optional();
    }

    /** Enrollments whose platform account is not created yet: still being tried, or failed for good. */
    List<Reaction> openEnrollments() {
        return client.sql(SELECT + " where seq is null and status <> 'done' and kind = 'create_account' order by account")
                .query(ReactionStore::reaction).list();
    }

    void done(String commandId, int attempts, String outcome) {
        client.sql("update reactions set status = 'done', attempts = ?, outcome = ?, last_error = null, updated_at = ? where command_id = ?")
                .params(attempts, outcome, Timestamp.from(clock.instant()), commandId).update();
    }

    void retryLater(String commandId, int attempts, String error, Instant nextAttemptAt) {
        client.sql("update reactions set attempts = ?, last_error = ?, next_attempt_at = ?, updated_at = ? where command_id = ?")
                .params(attempts, error, Timestamp.from(nextAttemptAt), Timestamp.from(clock.instant()), commandId)
                .update();
    }

    void failed(String commandId, int attempts, String error) {
        client.sql("update reactions set status = 'failed', attempts = ?, last_error = ?, updated_at = ? where command_id = ?")
                .params(attempts, error, Timestamp.from(clock.instant()), commandId).update();
    }

    private static final String SELECT = """
            select command_id, seq, ordinal, account, kind, command, then_journal, status, attempts, next_attempt_at,
                   last_error, outcome, created_at, updated_at, waits_for from reactions""";

    private static Reaction reaction(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long seq = rs.getLong(2);
        Long seqOrNull = rs.wasNull() ? null : seq;
        int ordinal = rs.getInt(3);
        Integer ordinalOrNull = rs.wasNull() ? null : ordinal;
        return new Reaction(rs.getString(1), seqOrNull, ordinalOrNull, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getTimestamp(10).toInstant(),
                rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant(),
                rs.getString(15));
    }
}
