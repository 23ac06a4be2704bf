package dev.propos.bench.server;

import dev.propos.bench.LoadGenerator;
import dev.propos.engine.event.Event;
import dev.propos.formats.event.EventWriter;
import dev.propos.server.ServerApplication;
import dev.propos.server.security.Role;
import dev.propos.server.security.UserStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sustained ingest through HTTP: the server (embedded PostgreSQL in a fresh folder, no platform
 * traffic) takes generated trading ({@link LoadGenerator}: quotes and trades of N accounts) in
 * batches of JSON Lines from several connections, each batch sent once the previous answer on its
 * connection came back. Measured after a warm-up: events per second acknowledged, journaled and
 * evaluated (until the engine has caught up with the journal), and each decision's latency from
 * its event's acceptance to its record ({@code decisions.recorded_at - events.received_at}).
 *
 * <pre>./mvnw -q -pl bench-server -am install -DskipTests &&
 * ./mvnw -q -pl bench-server exec:java -Dexec.args="accounts=5000 events=1000000 batch=1000 connections=4 window=20ms"</pre>
 */
public final class IngestBenchmark {

    private record Settings(int accounts, long warmupEvents, long events, int batch, int connections, String window,
                            int rateEventsPerSecond) {
        static Settings parse(String[] args) {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                values.put(pair[0], pair[1]);
            }
            return new Settings(Integer.parseInt(values.getOrDefault("accounts", "5000")),
                    Long.parseLong(values.getOrDefault("warmup", "300000")),
                    Long.parseLong(values.getOrDefault("events", "1000000")),
                    Integer.parseInt(values.getOrDefault("batch", "1000")),
                    Integer.parseInt(values.getOrDefault("connections", "4")),
                    values.getOrDefault("window", "20ms"),
                    Integer.parseInt(values.getOrDefault("rate", "0")));
        }
    }

    private static final String PASSWORD = "bench-password";

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Path data = Files.createTempDirectory("propos-ingest-bench");
        ConfigurableApplicationContext server = new SpringApplicationBuilder(ServerApplication.class, BenchPlatform.class)
                .run("--server.port=0", "--propos.db.data-directory=" + data,
                        "--propos.journal.lateness-window=" + settings.window(), "--propos.journal.wall-clock=false",
                        "--propos.admin.password=" + PASSWORD, "--propos.platform.kind=bench",
                        "--logging.level.root=WARN");
        try {
            int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            // A platform's API token, as adapters authenticate (a password would cost a bcrypt a request).
            String token = java.util.UUID.randomUUID().toString() + java.util.UUID.randomUUID();
            server.getBean(UserStore.class).createToken("ingest-benchmark", UserStore.hash(token),
                    java.util.EnumSet.of(Role.PLATFORM, Role.ADMIN), "benchmark");
            IngestBenchmark bench = new IngestBenchmark(port, token, server.getBean(JdbcClient.class));
            bench.importConfig();
            LoadGenerator load = new LoadGenerator(1, settings.accounts(), 6, 4);
            List<String> setup = new ArrayList<>();
            load.setup(event -> setup.add(bench.line(event)));
            // The setup in order on one connection: an account's positions need its start accepted first.
            bench.send(setup.iterator(), new Settings(settings.accounts(), 0, 0, settings.batch(), 1, settings.window(), 0), 0);
            bench.awaitEvaluated();
            Phase warmup = bench.run(load, settings, settings.warmupEvents());
            System.out.printf(Locale.ROOT, "warm-up: %s%n", warmup);
            Phase measured = bench.run(load, settings, settings.events());
            System.out.printf(Locale.ROOT, "measured: %s%n", measured);
            System.out.printf(Locale.ROOT, "java %s, %d cores; accounts=%d batch=%d connections=%d window=%s rate=%s%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), settings.accounts(), settings.batch(),
                    settings.connections(), settings.window(), settings.rateEventsPerSecond() == 0 ? "max"
                            : settings.rateEventsPerSecond() + "/s");
        } finally {
            server.close();
        }
    }

    /** One measured stretch: throughput and decision latency. */
    record Phase(long events, double seconds, long decisions, double p50Millis, double p99Millis, double maxMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d events in %.1f s = %,.0f events/s; %,d decisions, latency p50 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms", events, seconds, events / seconds, decisions, p50Millis, p99Millis,
                    maxMillis);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String authorization;
    private final JdbcClient jdbc;
    private final AtomicLong ids = new AtomicLong();

    private IngestBenchmark(int port, String token, JdbcClient jdbc) {
        this.base = "http://localhost:" + port;
        this.authorization = "Bearer " + token;
        this.jdbc = jdbc;
    }

    /**
     * A platform delivers each account's events in order on one connection: the stream is split by
     * account over the connections (quotes go round), so that no close overtakes its open.
     */
    private Phase run(LoadGenerator load, Settings settings, long events) throws InterruptedException {
        long firstSeq = lastJournalSeq();
        int connections = settings.connections();
        // Made before the clock starts, so that the generator does not compete with the server.
        List<BlockingQueue<String>> queues = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            queues.add(new java.util.concurrent.LinkedBlockingQueue<>());
        }
        long[] quotes = {0};
        load.stream(events, 0.05, event -> {
            int connection = event instanceof Event.AccountEvent accountEvent
                    ? Math.floorMod(accountEvent.account().hashCode(), connections)
                    : (int) (quotes[0]++ % connections);
            queues.get(connection).add(line(event));
        });
        queues.forEach(queue -> queue.add(END));
        long start = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (BlockingQueue<String> queue : queues) {
            Settings one = new Settings(settings.accounts(), 0, 0, settings.batch(), 1, settings.window(), 0);
            int rate = settings.rateEventsPerSecond() / connections;
            senders.add(Thread.ofPlatform().start(() -> {
                try {
                    send(new QueueIterator(queue), one, rate);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        awaitEvaluated();
        double seconds = (System.nanoTime() - start) / 1e9;
        return latency(firstSeq, events, seconds);
    }

    private static final String END = "";

    /** The queue's lines up to the end marker. */
    private static final class QueueIterator implements java.util.Iterator<String> {
        private final BlockingQueue<String> queue;
        private String next;

        QueueIterator(BlockingQueue<String> queue) {
            this.queue = queue;
        }

        @Override
        public synchronized boolean hasNext() {
            if (next == null) {
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !next.equals(END);
        }

        @Override
        public synchronized String next() {
            hasNext();
            String line = next;
            next = null;
            return line;
        }
    }

    /** Sends the lines in batches from several connections; at most {@code rate} events a second when set. */
    private void send(java.util.Iterator<String> lines, Settings settings, int rate) throws InterruptedException {
        long start = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        List<Thread> posters = new ArrayList<>();
        for (int c = 0; c < settings.connections(); c++) {
            posters.add(Thread.ofPlatform().start(() -> {
                while (true) {
                    StringBuilder body = new StringBuilder(settings.batch() * 200);
                    int count = 0;
                    synchronized (lines) {
                        while (count < settings.batch() && lines.hasNext()) {
                            body.append(lines.next()).append('\n');
                            count++;
                        }
                    }
                    if (count == 0) {
                        return;
                    }
                    if (rate > 0) {
                        long dueNanos = start + (long) (sent.addAndGet(count) * 1e9 / rate);
                        long waitNanos = dueNanos - System.nanoTime();
                        if (waitNanos > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(waitNanos);
                        }
                    }
                    post("/api/events", "application/x-ndjson", body.toString());
                }
            }));
        }
        for (Thread poster : posters) {
            poster.join();
        }
    }

    private String line(Event event) {
        String line = EventWriter.line(event);
        return "{\"id\":\"b" + ids.incrementAndGet() + "\"," + line.substring(1);
    }

    private void importConfig() throws IOException {
        try (InputStream in = LoadGenerator.class.getResourceAsStream("/load-config.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String answer = post("/api/programs?name=load-config.yaml", "application/yaml", yaml);
            if (!answer.contains("configId")) {
                throw new IllegalStateException("configuration refused: " + answer);
            }
        }
    }

    private String post(String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Content-Type", contentType).timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2 || response.body().contains("\"rejected\":") && !response.body().contains("\"rejected\":0")) {
                int rejected = Math.max(0, response.body().indexOf("\"status\":\"rejected\""));
                throw new IllegalStateException("ingest answered " + response.statusCode() + ": "
                        + response.body().substring(rejected, Math.min(rejected + 300, response.body().length())));
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long lastJournalSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from journal").query(Long.class).single();
    }

    private void awaitEvaluated() throws InterruptedException {
        while (true) {
            String progress = get("/api/engine/progress");
            var matcher = java.util.regex.Pattern.compile("\"journalSeq\":(\\d+),\"evaluatedSeq\":(\\d+)").matcher(progress);
            if (matcher.find() && matcher.group(1).equals(matcher.group(2))) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private String get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each decision's time from its event's acceptance to its record, for journal entries after {@code afterSeq}. */
    private Phase latency(long afterSeq, long events, double seconds) {
        return jdbc.sql("""
                select count(*),
                       coalesce(percentile_cont(0.5) within group (order by ms), 0),
                       coalesce(percentile_cont(0.99) within group (order by ms), 0),
                       coalesce(max(ms), 0)
                from (select extract(epoch from (d.recorded_at - e.received_at)) * 1000 as ms
                      from decisions d join journal j on j.seq = d.seq join events e on e.received_seq = j.received_seq
                      where d.seq > ?) latencies""")
                .param(afterSeq)
                .query((rs, row) -> new Phase(events, seconds, rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4)))
                .single();
    }
}
