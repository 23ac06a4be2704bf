package dev.propos.server.evaluation;

import dev.propos.engine.Engine;
import dev.propos.engine.SnapshotFormatException;
import dev.propos.engine.decision.Decision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Snapshots of the engine, so that a restart replays only the journal's tail. A snapshot is a
 * cache of the journal, never the truth: one this build cannot read is skipped, and with none the
 * engine replays the whole journal.
 */
@Repository
public class SnapshotStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);
    private static final String FORMAT = "engine-java-serialization+gzip";
    private static final int KEEP = 3;

    /** An engine restored from the snapshot taken after journal entry {@code seq}. */
    public record Restored(Engine engine, long seq) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Writing a snapshot to the database must not hold up evaluation. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("snapshot-writer").factory());

    public SnapshotStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The engine of the newest snapshot this build can read, or null. */
    public Restored latest(Consumer<Decision> decisions) {
        List<Long> seqs = jdbc.sql("select seq from snapshots where format = ? order by seq desc").param(FORMAT)
                .query(Long.class).list();
        for (long seq : seqs) {
            byte[] state = jdbc.sql("select state from snapshots where seq = ?").param(seq).query(byte[].class).single();
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(state))) {
                return new Restored(Engine.restore(in, decisions), seq);
            } catch (SnapshotFormatException e) {
                log.warn("Snapshot at journal entry {} skipped: {}", seq, e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the snapshot at journal entry " + seq, e);
            }
        }
        return null;
    }

    /** Serializes the engine now (on the caller's thread, the engine's) and stores it in the background. */
    public void save(Engine engine, long seq) {
        long startNanos = System.nanoTime();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
            engine.writeSnapshot(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] state = bytes.toByteArray();
        long tookMillis = (System.nanoTime() - startNanos) / 1_000_000;
        writer.execute(() -> {
            jdbc.sql("insert into snapshots (seq, taken_at, format, state) values (?, ?, ?, ?) on conflict (seq) do nothing")
                    .params(seq, Timestamp.from(clock.instant()), FORMAT, state).update();
            jdbc.sql("delete from snapshots where seq not in (select seq from snapshots order by seq desc limit ?)")
                    .param(KEEP).update();
            log.info("Snapshot at journal entry {}: {} KiB, serialized in {} ms", seq, state.length / 1024, tookMillis);
        });
    }

    @Override
    public void destroy() {
        writer.close();
    }
}
