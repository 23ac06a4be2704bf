package dev.propos.server.accounts;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.propos.server.reactions.ReactionStore;
import dev.propos.server.security.PropOsUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What happened to an account: its decisions, its events, and what PropOS did on the platform about it. */
@RestController
@RequestMapping("/api/accounts/{id}")
@Tag(name = "accounts")
class AccountHistoryController {

    /**
     * A platform command PropOS carried out (or is trying to) for the account: for decision
     * ({@code decisionSeq}, {@code decisionOrdinal}), or for an operator's request when those are null.
     * {@code status} is pending, done or failed; {@code outcome} the platform's answer, {@code lastError}
     * its last refusal; {@code thenJournal} the event journaled once it succeeded; {@code waitsFor}
     * what it waits for before it is carried out ({@code kyc:<trader>}: the trader's verification).
     */
    record AccountReaction(String commandId, String kind, String status, int attempts, String outcome,
                           String lastError, Instant nextAttemptAt, Instant createdAt, Instant updatedAt,
                           Long decisionSeq, Integer decisionOrdinal, @JsonRawValue String command,
                           @JsonRawValue String thenJournal, String waitsFor) {
        static AccountReaction of(ReactionStore.Reaction reaction) {
            return new AccountReaction(reaction.commandId(), reaction.kind(), reaction.status(), reaction.attempts(),
                    reaction.outcome(), reaction.lastError(), reaction.nextAttemptAt(), reaction.createdAt(),
                    reaction.updatedAt(), reaction.seq(), reaction.ordinal(), reaction.command(),
                    reaction.thenJournal(), reaction.waitsFor());
        }
    }

    private final AccountAccess access;
    private final AccountHistory history;
    private final ReactionStore reactions;

    AccountHistoryController(AccountAccess access, AccountHistory history, ReactionStore reactions) {
        this.access = access;
        this.history = history;
        this.reactions = reactions;
    }

    @GetMapping("/decisions")
    @Operation(summary = "The account's decisions, newest first, each as `propos evaluate` prints it",
            description = "Page on with `before`, the `seq` of the last decision of the previous page.")
    List<AccountHistory.AccountDecision> decisions(@PathVariable String id, @RequestParam(required = false) Long before,
                                                   @RequestParam(defaultValue = "100") int limit,
                                                   @AuthenticationPrincipal PropOsUser user) {
        access.require(user, id);
        return history.decisions(id, before, Math.clamp(limit, 1, 10_000));
    }

    @GetMapping("/events")
    @Operation(summary = "The account's events, newest journal place first, with their journal place and late mark",
            description = "Events still held in the lateness window come first, with no journal place. Page on "
                    + "with `before`, the `journalSeq` of the last event of the previous page.")
    List<AccountHistory.AccountEvent> events(@PathVariable String id, @RequestParam(required = false) Long before,
                                             @RequestParam(defaultValue = "100") int limit,
                                             @AuthenticationPrincipal PropOsUser user) {
        access.require(user, id);
        return history.events(id, before, Math.clamp(limit, 1, 10_000));
    }

    @GetMapping("/reactions")
    @Operation(summary = "The platform commands PropOS decided on for the account, in the order planned, "
            + "with their status, attempts, outcome and last error")
    List<AccountReaction> reactions(@PathVariable String id, @AuthenticationPrincipal PropOsUser user) {
        access.require(user, id);
        return reactions.ofAccount(id).stream().map(AccountReaction::of).toList();
    }
}
