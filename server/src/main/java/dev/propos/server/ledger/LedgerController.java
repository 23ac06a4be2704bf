package dev.propos.server.ledger;

import dev.propos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger as finance reads it (FINANCE and ADMIN): accounts with their balances, and statements. */
@RestController
@RequestMapping("/api/ledger")
@Tag(name = "ledger")
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/accounts")
    @Operation(summary = "Ledger accounts by id with their balances; `trader` and `currency` narrow the list")
    List<LedgerAccount> accounts(@RequestParam(required = false) String trader,
                                 @RequestParam(required = false) String currency) {
        return ledger.accounts(trader, currency);
    }

    @GetMapping("/accounts/{id}")
    @Operation(summary = "One ledger account with its balance")
    LedgerAccount account(@PathVariable String id) {
        return ledger.account(id).orElseThrow(() -> ApiException.notFound("no ledger account " + id));
    }

    @GetMapping("/accounts/{id}/statement")
    @Operation(summary = "An account's posted entries with the running balance",
            description = "`from` (inclusive) and `to` (exclusive) are instants, e.g. 2026-01-01T00:00:00Z; "
                    + "without them, the whole history up to now.")
    Statement statement(@PathVariable String id, @RequestParam(required = false) Instant from,
                        @RequestParam(required = false) Instant to) {
        return ledger.statement(id, from, to).orElseThrow(() -> ApiException.notFound("no ledger account " + id));
    }
}
