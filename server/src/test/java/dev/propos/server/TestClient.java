package dev.propos.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** HTTP calls to a running server, as a user (Basic) or with a token (Bearer). */
public final class TestClient {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String KYC_SECRET = "test-kyc-webhook-secret";
    public static final String STRIPE_SECRET = "whsec_test_secret";

    /** An answer: status and body. */
    public record Answer(int status, String body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    private TestClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static TestClient admin(int port) {
        return user(port, "admin", ADMIN_PASSWORD);
    }

    public static TestClient user(int port, String name, String password) {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new TestClient("http://localhost:" + port, "Basic " + basic);
    }

    public static TestClient token(int port, String token) {
        return new TestClient("http://localhost:" + port, "Bearer " + token);
    }

    public static TestClient anonymous(int port) {
        return new TestClient("http://localhost:" + port, null);
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    public Answer post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Answer postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** A webhook delivery: JSON with its signature in the header {@code Signature} (none when null). */
    public Answer postSigned(String path, String json, String signature) {
        return postSigned(path, json, "Signature", signature);
    }

    /** A webhook delivery: JSON with its signature in {@code header} (none when null). */
    public Answer postSigned(String path, String json, String header, String signature) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
        if (signature != null) {
            builder.header(header, signature);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Opens a Server-Sent Events stream; its events are read in the background until it is closed. */
    public EventStream stream(String path) {
        try {
            HttpResponse<Stream<String>> response = http.send(request(path).header("Accept", "text/event-stream")
                    .GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                // say why in the failure, not only the status
                System.err.println("stream " + path + " answered " + response.statusCode() + ": "
                        + String.join("\n", response.body().limit(20).toList()));
            }
            return new EventStream(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Server-Sent Events stream as a client reads it: events (comments skipped), in order of arrival. */
    public static final class EventStream implements AutoCloseable {

        /** One event: its {@code event:} name ("message" when none), {@code id:} and {@code data:} lines. */
        public record Event(String name, String id, String data) {
        }

        private final int status;
        private final Stream<String> lines;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final StringBuilder unreadBody = new StringBuilder();

        EventStream(HttpResponse<Stream<String>> response) {
            this.status = response.statusCode();
            this.lines = response.body();
            Thread.ofVirtual().name("sse-reader").start(this::read);
        }

        public int status() {
            return status;
        }

        /** The next event, or null when none comes within {@code timeout}. */
        public Event next(Duration timeout) {
            try {
                return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The next event named {@code name}, others skipped; null when none comes within {@code timeout}. */
        public Event next(String name, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Event event = next(Duration.ofNanos(left));
                if (event == null || event.name().equals(name)) {
                    return event;
                }
            }
            return null;
        }

        /** Everything received that was not an event (an error answer's body, say). */
        public synchronized String body() {
            return unreadBody.toString();
        }

        private void read() {
            String name = null;
            String id = null;
            StringBuilder data = null;
            try {
                for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (data != null) {
                            events.add(new Event(name == null ? "message" : name, id, data.toString()));
                        }
                        name = null;
                        id = null;
                        data = null;
                    } else if (line.startsWith(":")) {
                        continue; // a comment (heartbeat)
                    } else if (line.startsWith("event:")) {
                        name = field(line, "event:");
                    } else if (line.startsWith("id:")) {
                        id = field(line, "id:");
                    } else if (line.startsWith("data:")) {
                        data = data == null ? new StringBuilder() : data.append('\n');
                        data.append(field(line, "data:"));
                    } else {
                        synchronized (this) {
                            unreadBody.append(line).append('\n');
                        }
                    }
                }
            } catch (RuntimeException e) {
                // closed by the test, or by the server
            }
        }

        private static String field(String line, String prefix) {
            String value = line.substring(prefix.length());
            return value.startsWith(" ") ? value.substring(1) : value;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
