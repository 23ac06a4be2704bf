package dev.propos.server.payments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payment_status_reports table: every bank status report received, read or refused. */
@Repository
class StatusReportStore {

    /** A report as received, without its document. */
    record ReceivedReport(long id, String messageId, String originalMessageId, String source, Instant receivedAt,
                          String error, List<String> outcomes) {
    }

    private final JdbcClient jdbc;

    StatusReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long received(String source, String document, Instant now) {
        return jdbc.sql("insert into payment_status_reports (source, document, received_at) values (?, ?, ?) returning id")
                .params(source, document, Timestamp.from(now)).query(Long.class).single();
    }

    void read(long id, String messageId, String originalMessageId, List<String> outcomes) {
        jdbc.sql("update payment_status_reports set message_id = ?, original_message_id = ?, outcomes = ? where id = ?")
                .params(messageId, originalMessageId, String.join("\n", outcomes), id).update();
    }

    void refused(long id, String error) {
        jdbc.sql("update payment_status_reports set error = ? where id = ?").params(error, id).update();
    }

    /** A file as it was received. */
    Optional<String> document(long id) {
        return jdbc.sql("select document from payment_status_reports where id = ?").param(id).query(String.class).optional();
    }

    /** The newest reports first. */
    List<ReceivedReport> latest(int limit) {
        return jdbc.sql("""
                        select id, message_id, original_message_id, source, received_at, error, outcomes
                        from payment_status_reports order by id desc limit ?""")
                .param(limit)
                .query((rs, row) -> new ReceivedReport(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getString(7) == null ? List.of() : List.of(rs.getString(7).split("\n"))))
                .list();
    }
}
