package dev.propos.server.accounts;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An account's past as stored: its decisions and its events, newest first, a page at a time. */
@Repository
class AccountHistory {

    /**
     * A decision about the account in its journal place: made while the engine applied journal entry
     * {@code seq}, the {@code ordinal}-th of that entry. {@code decision} is the line exactly as
     * {@code propos evaluate} prints it (spec/decisions.md).
     */
    record AccountDecision(long seq, int ordinal, String type, Instant time, @JsonRawValue String decision) {
    }

    /**
     * An accepted event of the account: {@code event} as received; {@code receivedSeq} is the order of
     * acknowledgement. Its journal place ({@code journalSeq}, {@code journalTime}) is null while it is held
     * in the lateness window; a {@code late} event was evaluated at its journal time rather than its own
     * {@code time}; a {@code voidedReason} says why the engine refused it after acknowledgement.
     */
    record AccountEvent(Long journalSeq, Instant journalTime, boolean late, String voidedReason, long receivedSeq,
                        String id, String type, Instant time, Instant receivedAt, String source,
                        @JsonRawValue String event) {
    }

    private final JdbcClient jdbc;

    AccountHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Decisions about {@code account} before journal entry {@code beforeSeq} (null: from the newest). */
    List<AccountDecision> decisions(String account, Long beforeSeq, int limit) {
        return jdbc.sql("""
                select seq, ordinal, type, decided_at, line from decisions
                where account = ? and seq < ? order by seq desc, ordinal desc limit ?""")
                .params(account, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit)
                .query((rs, row) -> new AccountDecision(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getString(5)))
                .list();
    }

    /**
     * Events of {@code account}, newest journal place first, those still held first of all; with
     * {@code beforeSeq}, only journaled ones before that journal entry.
     */
    List<AccountEvent> events(String account, Long beforeSeq, int limit) {
        return jdbc.sql("""
                select j.seq, j.journal_time, coalesce(j.late, false), v.reason, e.received_seq, e.event_id, e.type,
                       e.event_time, e.received_at, e.source, e.line
                from events e
                left join journal j on j.received_seq = e.received_seq
                left join journal_voided v on v.seq = j.seq
                where e.account = ? and (cast(? as bigint) is null or j.seq < ?)
                order by j.seq desc nulls first, e.received_seq desc limit ?""")
                .params(account, beforeSeq, beforeSeq, limit)
                .query((rs, row) -> {
                    long seq = rs.getLong(1);
                    Long journalSeq = rs.wasNull() ? null : seq;
                    return new AccountEvent(journalSeq, instant(rs.getTimestamp(2)), rs.getBoolean(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9)), rs.getString(10), rs.getString(11));
                })
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
