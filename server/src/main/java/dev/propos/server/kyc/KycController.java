package dev.propos.server.kyc;

import dev.propos.server.security.PropOsUser;
import dev.propos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A trader's identity verification: its status, its start, staff decisions and providers' webhooks. */
@RestController
@Tag(name = "kyc")
class KycController {

    private static final Logger log = LoggerFactory.getLogger(KycController.class);

    /** A staff decision: approve or reject, and why. */
    record Decision(boolean approved, String reason) {
    }

    private final KycService kyc;
    private final KycProviders providers;

    KycController(KycService kyc, KycProviders providers) {
        this.kyc = kyc;
        this.providers = providers;
    }

    @GetMapping("/api/traders/{trader}/kyc")
    @Operation(summary = "A trader's verification (staff, or the trader)")
    KycRecord status(@PathVariable String trader, @AuthenticationPrincipal PropOsUser user) {
        if (!user.maySee(trader)) {
            throw ApiException.notFound("no trader " + trader);
        }
        return kyc.of(trader);
    }

    @PostMapping("/api/traders/{trader}/kyc/start")
    @Operation(summary = "Start a verification with the configured provider (staff, or the trader)")
    KycRecord start(@PathVariable String trader, @AuthenticationPrincipal PropOsUser user) {
        if (!user.maySee(trader)) {
            throw ApiException.notFound("no trader " + trader);
        }
        KycProvider provider = providers.configured()
                .orElseThrow(() -> ApiException.badRequest("no verification provider is configured: staff verify by hand"));
        return kyc.start(trader, provider, user.name());
    }

    @PostMapping("/api/traders/{trader}/kyc/decision")
    @Operation(summary = "Approve or reject a trader's identity by hand (SUPPORT, RISK, ADMIN), audited")
    KycRecord decide(@PathVariable String trader, @RequestBody Decision decision, @AuthenticationPrincipal PropOsUser user) {
        if (!decision.approved() && (decision.reason() == null || decision.reason().isBlank())) {
            throw ApiException.badRequest("a rejection needs a reason");
        }
        return kyc.decide(trader, decision.approved(), decision.reason(), user.name());
    }

    @PostMapping("/api/webhooks/kyc/{provider}")
    @Operation(summary = "A verification provider's result, authenticated by its signature")
    ResponseEntity<?> webhook(@PathVariable String provider, @RequestBody byte[] body,
                              @RequestHeader(value = "Signature", required = false) String signature) {
        KycProvider known = providers.named(provider).orElse(null);
        if (known == null) {
            log.warn("KYC webhook for unknown provider {} refused", provider);
            return ResponseEntity.status(404).build();
        }
        try {
            KycRecord record = kyc.fromProvider(known, known.read(body, signature));
            return ResponseEntity.ok(record);
        } catch (KycProvider.KycWebhookException e) {
            log.warn("KYC webhook from {} refused: {}", provider, e.getMessage());
            return ResponseEntity.badRequest().body(new dev.propos.server.web.ApiError(e.getMessage()));
        }
    }
}
