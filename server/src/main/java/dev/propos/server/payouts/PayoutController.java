package dev.propos.server.payouts;

import dev.propos.server.accounts.AccountAccess;
import dev.propos.server.security.PropOsUser;
import dev.propos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payouts: a trader asks (the engine checks), FINANCE reviews what the policy does not approve by
 * itself and confirms what the bank paid; everyone with a stake sees each payout's steps.
 */
@RestController
@Tag(name = "payouts")
class PayoutController {

    /** A request: an amount, or none for everything eligible. */
    record PayoutRequest(BigDecimal amount) {
    }

    /** The answer to a request: the engine answers it in the journal; the payout appears once it has. */
    record Requested(String account, String requestEvent) {
    }

    /** A staff action's note: why (a rejection or failure needs one), or the bank's reference. */
    record Note(String note) {
    }

    /** A payout with its history and approvals. */
    record PayoutView(Payout payout, List<PayoutStore.Step> steps, List<String> approvers, int approversNeeded) {
    }

    private final PayoutRequests requests;
    private final PayoutWorkflow workflow;
    private final PayoutStore store;
    private final PayoutPolicy policy;
    private final AccountAccess access;

    PayoutController(PayoutRequests requests, PayoutWorkflow workflow, PayoutStore store, PayoutPolicy policy,
                     AccountAccess access) {
        this.requests = requests;
        this.workflow = workflow;
        this.store = store;
        this.policy = policy;
        this.access = access;
    }

    @PostMapping("/api/accounts/{account}/payouts")
    @Operation(summary = "Ask for a payout (the account's trader, or staff); the engine checks it")
    ResponseEntity<Requested> request(@PathVariable String account, @RequestBody(required = false) PayoutRequest body,
                                      @AuthenticationPrincipal PropOsUser user) {
        access.require(user, account);
        BigDecimal amount = body == null ? null : body.amount();
        if (amount != null && (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2)) {
            throw ApiException.badRequest("an amount is a positive amount of money, in cents at most");
        }
        String event = requests.request(account, amount);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Requested(account, event));
    }

    @GetMapping("/api/accounts/{account}/payouts")
    @Operation(summary = "An account's payouts (the account's trader, or staff)")
    List<Payout> ofAccount(@PathVariable String account, @AuthenticationPrincipal PropOsUser user) {
        access.require(user, account);
        return store.ofAccount(account);
    }

    @GetMapping("/api/payouts")
    @Operation(summary = "Payouts in a state, oldest first (FINANCE)")
    List<Payout> inState(@RequestParam(defaultValue = "in_review") String state,
                         @RequestParam(defaultValue = "100") int limit) {
        return store.inState(PayoutState.ofWire(state), Math.min(limit, 1000));
    }

    @GetMapping("/api/payouts/{id}")
    @Operation(summary = "One payout, its steps and approvals (FINANCE)")
    PayoutView one(@PathVariable String id) {
        Payout payout = store.byId(id).orElseThrow(() -> ApiException.notFound("no payout " + id));
        return new PayoutView(payout, store.steps(id), store.approvers(id), policy.approversNeeded(payout));
    }

    @PostMapping("/api/payouts/{id}/approve")
    @Operation(summary = "Approve a payout in review; above the second-approver amount, two different people must")
    PayoutView approve(@PathVariable String id, @RequestBody(required = false) Note note,
                       @AuthenticationPrincipal PropOsUser user) {
        workflow.approve(id, user.name(), note == null ? null : note.note());
        return one(id);
    }

    @PostMapping("/api/payouts/{id}/reject")
    @Operation(summary = "Reject a payout in review: it is cancelled and the amount goes back to the account")
    PayoutView reject(@PathVariable String id, @RequestBody Note note, @AuthenticationPrincipal PropOsUser user) {
        workflow.reject(id, user.name(), required(note));
        return one(id);
    }

    @PostMapping("/api/payouts/{id}/paid")
    @Operation(summary = "Confirm a submitted payout paid, with the bank's or the manual payment's reference")
    PayoutView paid(@PathVariable String id, @RequestBody Note note, @AuthenticationPrincipal PropOsUser user) {
        workflow.paid(id, user.name(), required(note));
        return one(id);
    }

    @PostMapping("/api/payouts/{id}/failed")
    @Operation(summary = "Record that a submitted payment failed; it is tried again, then cancelled")
    PayoutView failed(@PathVariable String id, @RequestBody Note note, @AuthenticationPrincipal PropOsUser user) {
        workflow.failed(id, user.name(), required(note), false);
        return one(id);
    }

    private static String required(Note note) {
        if (note == null || note.note() == null || note.note().isBlank()) {
            throw ApiException.badRequest("a note is required: the reason, or the payment's reference");
        }
        return note.note();
    }
}
