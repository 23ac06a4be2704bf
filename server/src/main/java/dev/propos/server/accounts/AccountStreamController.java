package dev.propos.server.accounts;

import dev.propos.server.security.PropOsUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live decisions as Server-Sent Events: {@code event: decision}, its journal place as the {@code id}
 * ({@code seq-ordinal}), the decision line as {@code propos evaluate} prints it as the data. Missed
 * decisions (while disconnected) are read from {@code /api/accounts/{id}/decisions}.
 */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "accounts")
class AccountStreamController {

    private final DecisionStream stream;
    private final AccountAccess access;

    AccountStreamController(DecisionStream stream, AccountAccess access) {
        this.stream = stream;
        this.access = access;
    }

    @GetMapping("/stream")
    @Operation(summary = "Server-Sent Events: every new decision about the accounts the caller may see",
            description = "Staff get every decision (risk flags too), a trader those about their own accounts.")
    SseEmitter all(@AuthenticationPrincipal PropOsUser user) {
        return stream.subscribe(user.isStaff() ? new StreamScope.Everything() : new StreamScope.OfTrader(user.traderId()));
    }

    @GetMapping("/{id}/stream")
    @Operation(summary = "Server-Sent Events: one account's new decisions, and its `account_status` when it changes",
            description = "The status comes at once and then, when it changed, every few seconds (propos.stream.status-interval).")
    SseEmitter one(@PathVariable String id, @AuthenticationPrincipal PropOsUser user) {
        access.require(user, id);
        return stream.subscribe(new StreamScope.OfAccount(id));
    }
}
