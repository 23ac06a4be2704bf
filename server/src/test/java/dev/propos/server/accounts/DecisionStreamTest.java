package dev.propos.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.propos.engine.decision.Decision;
import dev.propos.server.evaluation.EngineHost;
import dev.propos.server.evaluation.RecordedDecision;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A slow client is dropped without holding up the engine's thread or the other clients. */
class DecisionStreamTest {

    /** Records what it is sent; while {@code blocked}, a send waits like a write to a client that reads nothing. */
    static final class TestEmitter extends SseEmitter {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch completed = new CountDownLatch(1);
        final CountDownLatch unblock = new CountDownLatch(1);
        final boolean blocked;

        TestEmitter(boolean blocked) {
            this.blocked = blocked;
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            if (blocked) {
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            event.build().forEach(part -> sent.add(String.valueOf(part.getData())));
        }

        @Override
        public void complete() {
            completed.countDown();
            unblock.countDown();
        }
    }

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    EngineHost engine = mock(EngineHost.class);
    DecisionStream stream = new DecisionStream(engine,
            new StreamSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), 4), meters);

    @BeforeEach
    void start() {
        when(engine.read(any())).thenReturn(CompletableFuture.completedFuture(Map.of())); // no account statuses
        stream.start();
    }

    @AfterEach
    void stop() {
        stream.stop();
    }

    @Test
    void aClientThatFallsBehindIsDroppedAndTheOthersGetEverything() throws InterruptedException {
        TestEmitter slow = new TestEmitter(true);
        TestEmitter fast = new TestEmitter(false);
        stream.subscribe(new StreamScope.Everything(), slow);
        stream.subscribe(new StreamScope.OfAccount("A1"), fast);

        for (int seq = 1; seq <= 20; seq++) {
            long startNanos = System.nanoTime();
            stream.decided(List.of(resumed(seq, "A1")));
            assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).as("the engine's thread never waits")
                    .isLessThan(Duration.ofMillis(100));
            awaitSent(fast, seq); // the fast client keeps up; the slow one's queue fills up
        }

        assertThat(slow.completed.await(10, TimeUnit.SECONDS)).as("the slow client is dropped").isTrue();
        assertThat(meters.counter("propos.stream.dropped.clients").count()).isEqualTo(1);
        List<String> lines = new ArrayList<>(fast.sent.stream().filter(s -> s.contains("resumed")).toList());
        assertThat(lines).hasSize(20);
        assertThat(lines.getFirst()).contains("seq-1\"");
        assertThat(lines.getLast()).contains("seq-20\"");
        assertThat(fast.completed.getCount()).as("the fast client stays").isEqualTo(1);
    }

    /** Found as HTTP 500s on streams once Spring had paused and restarted the shared test server. */
    @Test
    void aStreamStoppedAndStartedAgainServesNewClients() throws InterruptedException {
        stream.stop();
        stream.start();
        TestEmitter client = new TestEmitter(false);

        stream.subscribe(new StreamScope.Everything(), client);
        stream.decided(List.of(resumed(1, "A1")));

        awaitSent(client, 1);
        assertThat(String.join("", client.sent)).contains("event:subscribed", "\"scope\":\"all\"", "resumed");
    }

    @Test
    void anAccountsStreamCarriesThatAccountOnly() throws InterruptedException {
        TestEmitter ofA1 = new TestEmitter(false);
        stream.subscribe(new StreamScope.OfAccount("A1"), ofA1);

        stream.decided(List.of(resumed(1, "A2"), resumed(2, "A1")));

        awaitSent(ofA1, 1);
        assertThat(ofA1.sent.stream().filter(s -> s.contains("resumed")).toList())
                .singleElement().asString().contains("\"A1\"");
    }

    private static void awaitSent(TestEmitter emitter, int decisions) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (emitter.sent.stream().filter(s -> s.contains("resumed")).count() < decisions
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private static RecordedDecision resumed(long seq, String account) {
        Instant time = Instant.parse("2026-01-05T10:00:00Z");
        return new RecordedDecision(seq, 0, new Decision.Resumed(time, account),
                "{\"type\":\"resumed\",\"account\":\"" + account + "\",\"id\":\"seq-" + seq + "\"}");
    }
}
