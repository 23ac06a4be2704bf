package dev.propos.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server in a process of its own, to be killed like a real one (SIGKILL: no shutdown hook, no
 * clean close of the database or the journal).
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server on {@code dataDirectory} with the test's class path and waits until it is healthy. */
    static ServerProcess start(Path dataDirectory, Path log, String... settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ServerApplication.class.getName(),
                "--server.port=" + port,
                "--propos.db.data-directory=" + dataDirectory,
                "--propos.admin.password=" + TestClient.ADMIN_PASSWORD,
                "--propos.test.recording-platform=true",
                "--propos.platform.kind=test"));
        command.addAll(List.of(settings));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ServerProcess server = new ServerProcess(process, port);
            server.awaitHealthy(Duration.ofSeconds(120));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Duration timeout) {
        TestClient client = TestClient.anonymous(port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with status " + process.exitValue());
            }
            try {
                if (client.get("/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Firm.sleep(200);
        }
        kill();
        throw new IllegalStateException("the server did not become healthy in " + timeout);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
