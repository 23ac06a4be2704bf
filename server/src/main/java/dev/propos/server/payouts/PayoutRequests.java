package dev.propos.server.payouts;

import dev.propos.engine.event.Event;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.journal.LineOutcome;
import dev.propos.server.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * What the server journals for payouts: a trader's request (the engine answers it with its payout
 * rules) and, for a payout that will not be carried out, its cancellation, which gives the amount
 * back to the account (spec/server.md, "Decisions that act").
 */
@Component
class PayoutRequests {

    private final JournalWriter journal;
    private final Clock clock;

    PayoutRequests(JournalWriter journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** Journals a request for {@code amount} (null: all that is eligible); its event id. */
    String request(String account, BigDecimal amount) {
        String id = "payout-request-" + UUID.randomUUID();
        submit(new Event.PayoutRequested(firmNow(), id, account, amount));
        return id;
    }

    /** Journals the cancellation of payout {@code payoutId}; its id makes a repeat a duplicate. */
    void cancel(String payoutId, String account) {
        submit(new Event.PayoutCancelled(firmNow(), "payout-cancel-" + payoutId, account));
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

    private Instant firmNow() {
        Instant journalTime = journal.journalTime();
        return journalTime != null ? journalTime : clock.instant();
    }
}
