package dev.propos.server.journal;

import dev.propos.engine.event.Event;
import dev.propos.formats.event.EventWriter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal's tables: accepted events, the order of record, configuration documents, rejected lines. */
@Repository
public class JournalStore {

    /** A line ingest refused, with where it came from and why. */
    public record RejectedLine(Instant receivedAt, String source, int lineNumber, String line, String reason) {
    }

    /** A firm configuration document as imported. */
    public record ConfigDocument(long id, Instant importedAt, String importedBy, String sourceName, String yaml) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public JournalStore(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Which of {@code ids} were accepted before. */
    public Set<String> knownIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(client.sql("select event_id from events where event_id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(String.class).list());
    }

    public void insertEvents(List<AcceptedEvent> events) {
        jdbc.batchUpdate("""
                insert into events (received_seq, event_id, type, account, event_time, received_at, source, line)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", events, 1000, (statement, accepted) -> {
            Event event = accepted.event();
            statement.setLong(1, accepted.receivedSeq());
            statement.setString(2, event.id());
            statement.setString(3, EventWriter.typeName(event));
            statement.setString(4, event instanceof Event.AccountEvent a ? a.account() : null);
            statement.setTimestamp(5, Timestamp.from(event.time()));
            statement.setTimestamp(6, Timestamp.from(accepted.receivedAt()));
            statement.setString(7, accepted.source());
            statement.setString(8, accepted.line());
        });
    }

    public void insertJournal(List<JournalEntry> entries) {
        jdbc.batchUpdate("insert into journal (seq, received_seq, config_id, journal_time, late) values (?, ?, ?, ?, ?)",
                entries, 1000, JournalStore::bindEntry);
    }

    private static void bindEntry(PreparedStatement statement, JournalEntry entry) throws SQLException {
        statement.setLong(1, entry.seq());
        switch (entry) {
            case JournalEntry.Journaled journaled -> {
                statement.setLong(2, journaled.accepted().receivedSeq());
                statement.setNull(3, Types.BIGINT);
                statement.setBoolean(5, journaled.late());
            }
            case JournalEntry.ConfigChanged changed -> {
                statement.setNull(2, Types.BIGINT);
                statement.setLong(3, changed.configId());
                statement.setBoolean(5, false);
            }
        }
        statement.setTimestamp(4, entry.journalTime() == null ? null : Timestamp.from(entry.journalTime()));
    }

    public void insertRejected(List<RejectedLine> lines) {
        jdbc.batchUpdate("insert into rejected_events (received_at, source, line_number, line, reason) values (?, ?, ?, ?, ?)",
                lines, 1000, (statement, rejected) -> {
                    statement.setTimestamp(1, Timestamp.from(rejected.receivedAt()));
                    statement.setString(2, rejected.source());
                    statement.setInt(3, rejected.lineNumber());
                    statement.setString(4, rejected.line());
                    statement.setString(5, rejected.reason());
                });
    }

    public void insertConfig(ConfigDocument document) {
        client.sql("insert into firm_config (id, imported_at, imported_by, source_name, yaml) values (?, ?, ?, ?, ?)")
                .params(document.id(), Timestamp.from(document.importedAt()), document.importedBy(),
                        document.sourceName(), document.yaml())
                .update();
    }

    public List<ConfigDocument> configDocuments() {
        return client.sql("select id, imported_at, imported_by, source_name, yaml from firm_config order by id")
                .query((rs, row) -> new ConfigDocument(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The last journal entry's sequence number and time, or (0, null) for an empty journal. */
    public record Position(long seq, Instant time) {
    }

    public Position lastPosition() {
        return client.sql("""
                select seq, (select journal_time from journal where journal_time is not null order by seq desc limit 1)
                from journal order by seq desc limit 1""")
                .query((rs, row) -> new Position(rs.getLong(1), instantOrNull(rs.getTimestamp(2))))
                .optional().orElse(new Position(0, null));
    }

    public long lastReceivedSeq() {
        return client.sql("select coalesce(max(received_seq), 0) from events").query(Long.class).single();
    }

    /** Accepted events not yet journaled (they were held when the server stopped), in acknowledgement order. */
    public List<StoredEvent> unjournaledEvents() {
        return client.sql("""
                select e.received_seq, e.line, e.source, e.received_at from events e
                where not exists (select 1 from journal j where j.received_seq = e.received_seq)
                order by e.received_seq""")
                .query((rs, row) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), 0, null, false))
                .list();
    }

    /** An accepted event as stored, with its journal place when it has one. */
    public record StoredEvent(long receivedSeq, String line, String source, Instant receivedAt, long seq,
                              Instant journalTime, boolean late) {
    }

    /** A journal row: an event's place, or a configuration change. */
    public record StoredEntry(long seq, Instant journalTime, boolean late, StoredEvent event, Long configId) {
    }

    /** Streams the journal after {@code afterSeq}, in order. */
    public void readJournal(long afterSeq, Consumer<StoredEntry> consumer) {
        jdbc.query(connection -> {
            PreparedStatement statement = streaming(connection, """
                    select j.seq, j.journal_time, j.late, j.config_id, e.received_seq, e.line, e.source, e.received_at
                    from journal j left join events e on e.received_seq = j.received_seq
                    where j.seq > ? order by j.seq""");
            statement.setLong(1, afterSeq);
            return statement;
        }, rs -> {
            long seq = rs.getLong(1);
            Instant time = instantOrNull(rs.getTimestamp(2));
            boolean late = rs.getBoolean(3);
            long configId = rs.getLong(4);
            StoredEvent event = rs.wasNull()
                    ? new StoredEvent(rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            seq, time, late)
                    : null;
            consumer.accept(new StoredEntry(seq, time, late, event, event == null ? configId : null));
        });
    }

    /** Journaled events after {@code afterSeq} in journal order, voided ones left out. */
    public void readJournalEvents(long afterSeq, Consumer<StoredEvent> consumer) {
        jdbc.query(connection -> {
            PreparedStatement statement = streaming(connection, """
                    select e.received_seq, e.line, e.source, e.received_at, j.seq, j.journal_time, j.late
                    from journal j join events e on e.received_seq = j.received_seq
                    where j.seq > ? and not exists (select 1 from journal_voided v where v.seq = j.seq)
                    order by j.seq""");
            statement.setLong(1, afterSeq);
            return statement;
        }, rs -> {
            consumer.accept(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7)));
        });
    }

    /** Every accepted event's line, in acknowledgement order, quotes left out (they change no account). */
    public void readAccountEvents(Consumer<String> consumer) {
        jdbc.query(connection -> streaming(connection,
                "select line from events where account is not null order by received_seq"),
                rs -> {
                    consumer.accept(rs.getString(1));
                });
    }

    /** PostgreSQL streams a result (rather than loading it whole) only inside a transaction, with a fetch size. */
    private static PreparedStatement streaming(java.sql.Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(5000);
        return statement;
    }
}
