package dev.propos.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a server with no database configured: its files live in a local
 * folder and survive restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null);
    }

    /** Starts PostgreSQL on the folder {@code dataDirectory/postgres}, creating it on first use. */
    static EmbeddedDatabase start(Path dataDirectory) {
        Path folder = dataDirectory.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(folder);
            stopOrphan(folder);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The journal's durability comes from fsync at commit; keep PostgreSQL's defaults.
                    .setServerConfig("max_connections", "50")
                    .start();
            log.info("Embedded PostgreSQL on port {}, data in {}", postgres.getPort(), folder);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + folder, e);
        }
    }

    /**
     * A server killed without a shutdown leaves its PostgreSQL running on the folder. Such an
     * orphan (a postgres process whose parent is gone) is stopped, the way {@code pg_ctl stop -m
     * fast} would, before a new one starts.
     */
    private static void stopOrphan(Path folder) throws IOException {
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.getFirst().trim()));
        if (process.isEmpty() || !process.get().isAlive()
                || !process.get().info().command().orElse("").endsWith("postgres")) {
            return;
        }
        Optional<ProcessHandle> parent = process.get().parent();
        if (parent.isPresent() && parent.get().pid() != 1 && parent.get().info().command().orElse("").endsWith("java")) {
            throw new IllegalStateException("PostgreSQL " + process.get().pid() + " on " + folder
                    + " belongs to a running server (process " + parent.get().pid() + ")");
        }
        log.warn("Stopping PostgreSQL {} left running on {} by a server that did not shut down", process.get().pid(),
                folder);
        // SIGTERM is PostgreSQL's "smart" shutdown; its clients died with the old server.
        process.get().destroy();
        try {
            process.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL " + process.get().pid() + " on " + folder
                    + " did not stop; is another PropOS server using this data directory?", e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
