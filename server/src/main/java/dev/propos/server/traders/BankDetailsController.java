package dev.propos.server.traders;

import dev.propos.server.audit.Audit;
import dev.propos.server.payments.Beneficiary;
import dev.propos.server.payments.InstructionCheck;
import dev.propos.server.security.PropOsUser;
import dev.propos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A trader's bank details for payouts: set by the trader or staff, audited. */
@RestController
@Tag(name = "traders")
class BankDetailsController {

    private final BankDetails details;
    private final Audit audit;

    BankDetailsController(BankDetails details, Audit audit) {
        this.details = details;
        this.audit = audit;
    }

    @GetMapping("/api/traders/{trader}/bank")
    @Operation(summary = "Where the trader's payouts are paid (staff, or the trader)")
    Beneficiary get(@PathVariable String trader, @AuthenticationPrincipal PropOsUser user) {
        requireSee(user, trader);
        return details.of(trader).orElseThrow(() -> ApiException.notFound("no bank details for " + trader));
    }

    @PutMapping("/api/traders/{trader}/bank")
    @Operation(summary = "Set where the trader's payouts are paid (the trader, or SUPPORT/FINANCE/ADMIN)")
    Beneficiary put(@PathVariable String trader, @RequestBody Beneficiary beneficiary,
                    @AuthenticationPrincipal PropOsUser user) {
        requireSee(user, trader);
        var reasons = InstructionCheck.beneficiaryReasons(beneficiary);
        if (!reasons.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", reasons));
        }
        details.save(trader, beneficiary);
        audit.record(user.name(), "bank_details_set", trader, Audit.detail("country", beneficiary.country()));
        return beneficiary;
    }

    private static void requireSee(PropOsUser user, String trader) {
        if (!user.maySee(trader)) {
            throw ApiException.notFound("no trader " + trader);
        }
    }
}
