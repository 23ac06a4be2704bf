package dev.propos.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP calls to a running server, as a user (Basic) or with a token (Bearer). */
public final class TestClient {

    public static final String ADMIN_PASSWORD = "test-admin-password";

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
}
