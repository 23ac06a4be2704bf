package dev.propos.server.payouts;

import dev.propos.engine.event.Event;
import dev.propos.server.evaluation.EngineHost;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.journal.LineOutcome;
import dev.propos.server.web.ApiException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the server journals for payouts: a trader's request (the engine answers it with its payout
 * rules) and, for a payout that will not be carried out, its cancellation, which gives the amount
 * back to the account (spec/server.md, "Decisions that act").
 *
 * <p>One payout at a time per account: a cancellation gives back the account's <em>last</em>
 * approved payout (spec/events.md, {@code payout_cancelled}), so with two in flight cancelling the
 * first would undo the second. A request is refused while the account has a payout the engine
 * approved that is neither paid nor cancelled; requests for one account are taken one after the
 * other, each once the engine has answered the one before.
 */
@Component
class PayoutRequests {

    private static final Logger log = LoggerFactory.getLogger(PayoutRequests.class);
    /** How long a request waits for the engine's answer before the account's next request is let in anyway. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

    private final JournalWriter journal;
    private final EngineHost engine;
    private final PayoutStore store;
    private final JdbcClient jdbc;
    private final Map<String, ReentrantLock> requesting = new ConcurrentHashMap<>();

    PayoutRequests(JournalWriter journal, EngineHost engine, PayoutStore store, JdbcClient jdbc) {
        this.journal = journal;
        this.engine = engine;
        this.store = store;
        this.jdbc = jdbc;
    }

    /**
     * Journals a request for {@code amount} (null: all that is eligible) and waits for the engine's
     * answer; its event id.
     *
     * @throws ApiException a conflict while another payout of the account is in flight
     */
    String request(String account, BigDecimal amount) {
        ReentrantLock lock = requesting.computeIfAbsent(account, a -> new ReentrantLock());
        lock.lock();
        try {
            store.inFlight(account, null).ifPresent(open -> {
                throw ApiException.conflict("payout " + open.id() + " of account " + account + " is "
                        + open.state().wireName() + ": one payout at a time, ask again once it is paid or cancelled");
            });
            String id = "payout-request-" + UUID.randomUUID();
            submit(new Event.PayoutRequested(journal.firmNow(), id, account, amount));
            awaitAnswer(id);
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** Journals the cancellation of payout {@code payoutId}; its id makes a repeat a duplicate. */
    void cancel(String payoutId, String account) {
        submit(new Event.PayoutCancelled(journal.firmNow(), "payout-cancel-" + payoutId, account));
    }

    private void submit(Event event) {
        List<LineOutcome> outcomes;
        try {
            outcomes = journal.submitEvents("payouts", List.of(event)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw ApiException.unavailable("the journal did not take the payout's event: " + e.getMessage());
        }
        if (outcomes.getFirst().status() == LineOutcome.Status.REJECTED) {
            throw ApiException.badRequest(outcomes.getFirst().reason());
        }
    }

    /**
     * Until the engine has evaluated the request (after the lateness window) and recorded its
     * answer: a read queued on the engine's thread behind that evaluation runs once it committed.
     */
    private void awaitAnswer(String eventId) {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Long seq = jdbc.sql("select j.seq from events e join journal j using (received_seq) where e.event_id = ?")
                        .param(eventId).query(Long.class).optional().orElse(null);
                if (seq != null && engine.lastSeq() >= seq) {
                    engine.read(evaluated -> true).get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                Thread.sleep(25); // a human request, seconds long anyway (the lateness window): no need to poll harder
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the engine did not answer the read in time: the warning below
        }
        log.warn("Payout request {} not answered within {}: the account's next request is let in", eventId, ANSWER_WAIT);
    }
}
