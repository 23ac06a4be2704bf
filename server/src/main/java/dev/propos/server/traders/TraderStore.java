package dev.propos.server.traders;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The traders table: the people the firm evaluates, by the id their accounts carry. */
@Repository
public class TraderStore {

    /** A trader as stored, with the user names that log in as them. */
    public record StoredTrader(String id, String name, String email, Instant createdAt, List<String> logins) {
    }

    private static final String SELECT = """
            select t.id, t.name, t.email, t.created_at,
                   array(select u.username from users u where u.trader_id = t.id order by u.username)
            from traders t""";

    private final JdbcClient jdbc;
    private final Clock clock;

    TraderStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(String id) {
        return jdbc.sql("select exists (select 1 from traders where id = ?)").param(id).query(Boolean.class).single();
    }

    /** Creates the trader unless one with this id exists; whether it was created. */
    public boolean createIfAbsent(String id, String name, String email) {
        return jdbc.sql("insert into traders (id, name, email, created_at) values (?, ?, ?, ?) on conflict (id) do nothing")
                .params(id, name, email, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    void insert(String id, String name, String email) {
        jdbc.sql("insert into traders (id, name, email, created_at) values (?, ?, ?, ?)")
                .params(id, name, email, Timestamp.from(clock.instant()))
                .update();
    }

    Optional<StoredTrader> find(String id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id)
                .query(TraderStore::trader).optional();
    }

    List<StoredTrader> list(String afterId, int limit) {
        return jdbc.sql(SELECT + " where t.id > ? order by t.id limit ?")
                .params(afterId == null ? "" : afterId, limit)
                .query(TraderStore::trader).list();
    }

    private static StoredTrader trader(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredTrader(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                List.of((String[]) rs.getArray(5).getArray()));
    }
}
