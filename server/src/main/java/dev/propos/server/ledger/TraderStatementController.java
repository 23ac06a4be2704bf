package dev.propos.server.ledger;

import dev.propos.server.security.PropOsUser;
import dev.propos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A trader's ledger statement: staff see any trader's, a trader only their own (another's answers 404). */
@RestController
@Tag(name = "ledger")
class TraderStatementController {

    /** The statements of the trader's ledger accounts (none before the firm first owes them money). */
    record TraderStatement(String trader, List<Statement> accounts) {
    }

    private final Ledger ledger;

    TraderStatementController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/traders/{id}/statement")
    @Operation(summary = "The trader's ledger statement: payouts and refunds owed and paid, with running balances",
            description = "`from` (inclusive) and `to` (exclusive) are instants; without them, everything up to now.")
    TraderStatement statement(@PathVariable String id, @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to, @AuthenticationPrincipal PropOsUser user) {
        if (!user.maySee(id)) {
            throw ApiException.notFound("no trader " + id);
        }
        return new TraderStatement(id, ledger.traderStatements(id, from, to));
    }
}
