package dev.propos.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A server on a PostgreSQL of its operator's ({@code PROPOS_DB_URL}), with a real platform's time:
 * the server feeds {@code clock} events at wall time less the lateness window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "propos.admin.password=" + TestClient.ADMIN_PASSWORD,
        "propos.platform.kind=none",
        "propos.journal.wall-clock=true",
        "propos.journal.lateness-window=200ms"})
// A server of its own, closed after the class: its threads and database are not left running.
@DirtiesContext
class ExternalDatabaseTest {

    private static final EmbeddedPostgres OPERATORS_DATABASE = start();

    @Autowired
    JdbcClient jdbc;

    /** Stopped when the test JVM ends: after the server on it, which closes after this class. */
    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("propos.db.url", () -> OPERATORS_DATABASE.getJdbcUrl("postgres", "postgres"));
        properties.add("propos.db.username", () -> "postgres");
    }

    @Test
    void theSchemaIsMigratedOnTheConfiguredDatabase() throws Exception {
        try (var connection = OPERATORS_DATABASE.getPostgresDatabase().getConnection();
             var result = connection.createStatement().executeQuery(
                     "select count(*) from flyway_schema_history where success")) {
            result.next();
            assertThat(result.getInt(1)).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void clockEventsFollowWallTimeLessTheWindow() {
        Instant before = Instant.now();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (clockEvents() < 2 && System.nanoTime() < deadline) {
            Firm.sleep(100);
        }

        assertThat(clockEvents()).isGreaterThanOrEqualTo(2);
        Instant last = jdbc.sql("select max(event_time) from events where type = 'clock'").query(java.sql.Timestamp.class)
                .single().toInstant();
        assertThat(last).isBetween(before.minusSeconds(2), Instant.now().minusMillis(200));
        assertThat(jdbc.sql("select count(*) from journal j join events e using (received_seq) where e.type = 'clock'")
                .query(Long.class).single()).isEqualTo(clockEvents());
    }

    private long clockEvents() {
        return jdbc.sql("select count(*) from events where type = 'clock'").query(Long.class).single();
    }
}
