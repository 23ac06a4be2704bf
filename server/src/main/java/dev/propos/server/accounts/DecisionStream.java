package dev.propos.server.accounts;

import dev.propos.engine.Engine;
import dev.propos.engine.decision.Decision;
import dev.propos.server.evaluation.DecisionLines;
import dev.propos.server.evaluation.DecisionListener;
import dev.propos.server.evaluation.EngineHost;
import dev.propos.server.evaluation.RecordedDecision;
import dev.propos.server.runtime.FirmParticipant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes each new decision to the Server-Sent Events streams that may see it, and to one-account
 * streams their account's {@code account_status} now and then.
 *
 * <p>The engine's thread only hands each batch of decisions to a queue. A dispatcher thread finds out
 * whose accounts they are (asking the engine, once per account) and puts each decision in the bounded
 * queue of every stream that carries it; each stream's own sender writes to its client. A client too
 * slow to keep its queue from filling up is dropped (it reconnects and reads what it missed from
 * {@code /api/accounts/{id}/decisions}), so no client can hold up the others, let alone the engine.
 */
@Component
class DecisionStream implements DecisionListener, FirmParticipant {

    private static final Logger log = LoggerFactory.getLogger(DecisionStream.class);
    /** Batches of decisions waiting for the dispatcher; if it ever falls this far behind, every stream is reset. */
    private static final int MAX_WAITING_BATCHES = 10_000;
    private static final long ENGINE_ANSWER_SECONDS = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One message to a client: an SSE event ({@code name}, {@code id}, {@code data}) or a comment. */
    private record Outgoing(String name, String id, String data, String comment) {
        static Outgoing event(String name, String id, String data) {
            return new Outgoing(name, id, data, null);
        }

        static Outgoing comment(String text) {
            return new Outgoing(null, null, null, text);
        }

        SseEmitter.SseEventBuilder toSse() {
            if (comment != null) {
                return SseEmitter.event().comment(comment);
            }
            SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(data);
            return id == null ? event : event.id(id);
        }
    }

    private final EngineHost engine;
    private final StreamSettings settings;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<List<RecordedDecision>> batches = new LinkedBlockingQueue<>(MAX_WAITING_BATCHES);
    /** An account's trader never changes: asked of the engine once. "" for an account with no trader. */
    private final Map<String, String> traderOf = new ConcurrentHashMap<>();
    /** Made anew at each start: stopping shuts it down (a paused test context, too, is stopped and started). */
    private volatile ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Counter droppedClients;
    // Owned by the ticker thread.
    private final DecisionLines statusLines = new DecisionLines();
    private ScheduledExecutorService ticker;
    private Thread dispatcher;
    private volatile boolean running;

    DecisionStream(EngineHost engine, StreamSettings settings, MeterRegistry meters) {
        this.engine = engine;
        this.settings = settings;
        this.droppedClients = meters.counter("propos.stream.dropped.clients");
        meters.gauge("propos.stream.clients", subscriptions, Set::size);
    }

    @Override
    public void start() {
        if (senders.isShutdown()) {
            senders = Executors.newVirtualThreadPerTaskExecutor();
        }
        running = true;
        dispatcher = Thread.ofPlatform().name("decision-stream").start(this::dispatch);
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("decision-stream-ticker").factory());
        long statusMillis = settings.statusInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::sendStatuses, statusMillis, statusMillis, TimeUnit.MILLISECONDS);
        long heartbeatMillis = settings.heartbeat().toMillis();
        ticker.scheduleWithFixedDelay(this::heartbeat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        subscriptions.forEach(Subscription::close);
        senders.shutdownNow(); // no waiting: a write to a client that went away may hang for long
    }

    /** Opens a stream; it starts with a {@code subscribed} event, and an account's stream with its status. */
    SseEmitter subscribe(StreamScope scope) {
        return subscribe(scope, new SseEmitter(settings.timeout().toMillis()));
    }

    /** Opens a stream on a given emitter (tests give one that writes slowly). */
    SseEmitter subscribe(StreamScope scope, SseEmitter emitter) {
        Subscription subscription = new Subscription(scope, emitter);
        subscription.offer(Outgoing.event("subscribed", null, describe(scope))); // first, before any decision
        subscriptions.add(subscription);
        if (scope instanceof StreamScope.OfAccount && ticker != null) {
            ticker.execute(this::sendStatuses);
        }
        return subscription.emitter;
    }

    private static String describe(StreamScope scope) {
        return JSON.writeValueAsString(switch (scope) {
            case StreamScope.Everything e -> Map.of("scope", "all");
            case StreamScope.OfTrader t -> Map.of("scope", "trader", "trader", t.trader());
            case StreamScope.OfAccount a -> Map.of("scope", "account", "account", a.account());
        });
    }

    // ---- the engine's thread: hand over, never wait --------------------------------------------------

    @Override
    public void decided(List<RecordedDecision> decisions) {
        if (subscriptions.isEmpty()) {
            return;
        }
        if (!batches.offer(decisions)) {
            log.warn("The decision stream fell {} batches behind; every stream is closed", MAX_WAITING_BATCHES);
            batches.clear();
            subscriptions.forEach(Subscription::close);
        }
    }

    // ---- the dispatcher ------------------------------------------------------------------------------

    private void dispatch() {
        while (running) {
            try {
                List<RecordedDecision> batch = batches.take();
                if (subscriptions.stream().anyMatch(s -> s.scope instanceof StreamScope.OfTrader)) {
                    learnTraders(batch);
                }
                for (RecordedDecision decision : batch) {
                    Outgoing event = null;
                    for (Subscription subscription : subscriptions) {
                        if (subscription.scope.carries(decision, traderOf)) {
                            event = event != null ? event : Outgoing.event("decision",
                                    decision.seq() + "-" + decision.ordinal(), decision.line());
                            subscription.offer(event);
                        }
                    }
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                // Streams that may have missed decisions start over rather than go on with a gap.
                log.error("The decision stream failed on a batch; its streams are closed", e);
                subscriptions.forEach(Subscription::close);
            }
        }
    }

    /** Asks the engine, in one read, for the traders of the batch's accounts not known yet. */
    private void learnTraders(List<RecordedDecision> batch) throws InterruptedException {
        Set<String> unknown = new HashSet<>();
        for (RecordedDecision decision : batch) {
            if (decision.account() != null && !traderOf.containsKey(decision.account())) {
                unknown.add(decision.account());
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, String> traders = answer(engine.read(e -> {
            Map<String, String> found = new HashMap<>();
            for (String account : unknown) {
                Engine.AccountInfo info = e.accountInfo(account);
                found.put(account, info == null || info.trader() == null ? "" : info.trader());
            }
            return found;
        }));
        traderOf.putAll(traders);
    }

    private static <T> T answer(CompletableFuture<T> read) throws InterruptedException {
        try {
            return read.get(ENGINE_ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the engine did not answer the decision stream", e);
        }
    }

    // ---- the ticker ----------------------------------------------------------------------------------

    /** Each one-account stream gets its account's status when it changed since the last one it got. */
    private void sendStatuses() {
        try {
            Set<String> accounts = new HashSet<>();
            subscriptions.forEach(s -> {
                if (s.scope instanceof StreamScope.OfAccount(String account)) {
                    accounts.add(account);
                }
            });
            if (accounts.isEmpty()) {
                return;
            }
            Map<String, Decision.AccountStatus> statuses = answer(engine.read(e -> {
                Map<String, Decision.AccountStatus> found = new HashMap<>();
                for (String account : accounts) {
                    Decision.AccountStatus status = e.status(account);
                    if (status != null) {
                        found.put(account, status);
                    }
                }
                return found;
            }));
            for (Subscription subscription : subscriptions) {
                if (subscription.scope instanceof StreamScope.OfAccount(String account) && statuses.containsKey(account)) {
                    String line = statusLines.line(statuses.get(account));
                    if (!line.equals(subscription.lastStatusLine)) {
                        subscription.lastStatusLine = line;
                        subscription.offer(Outgoing.event("account_status", null, line));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Account statuses for the streams failed: {}", e.getMessage());
        }
    }

    private void heartbeat() {
        subscriptions.forEach(s -> s.offer(Outgoing.comment("heartbeat")));
    }

    // ---- one client ----------------------------------------------------------------------------------

    /** One client's stream: its scope, its queue, and at most one sender writing to it at a time. */
    private final class Subscription {

        final StreamScope scope;
        final SseEmitter emitter;
        private final ArrayBlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        private final AtomicBoolean sending = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        /** The last status sent (ticker thread only). */
        String lastStatusLine;

        Subscription(StreamScope scope, SseEmitter emitter) {
            this.scope = scope;
            this.emitter = emitter;
            emitter.onCompletion(() -> subscriptions.remove(this));
            emitter.onTimeout(this::close);
            emitter.onError(error -> close());
        }

        /** Queues a message without waiting; a full queue means a client too slow to keep: it is dropped. */
        void offer(Outgoing message) {
            if (closed.get()) {
                return;
            }
            if (!queue.offer(message)) {
                droppedClients.increment();
                log.info("A decision stream client ({}) fell {} events behind and is dropped", scope,
                        settings.queueCapacity());
                close();
                return;
            }
            if (sending.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        private void drain() {
            try {
                while (true) {
                    Outgoing message = queue.poll();
                    if (message == null) {
                        sending.set(false);
                        // A message queued after the poll, before the flag dropped, is sent by this drain.
                        if (queue.isEmpty() || !sending.compareAndSet(false, true)) {
                            return;
                        }
                        continue;
                    }
                    emitter.send(message.toSse());
                }
            } catch (IOException | IllegalStateException e) {
                sending.set(false);
                close(); // the client went away
            }
        }

        /** Ends the stream; completing may wait on a write in progress, so it is done by a sender. */
        void close() {
            if (closed.compareAndSet(false, true)) {
                subscriptions.remove(this);
                queue.clear();
                try {
                    senders.execute(emitter::complete);
                } catch (RejectedExecutionException e) {
                    emitter.complete(); // stopping: nothing is written any more
                }
            }
        }
    }
}
