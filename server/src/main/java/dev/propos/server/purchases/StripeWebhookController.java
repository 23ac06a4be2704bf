package dev.propos.server.purchases;

import dev.propos.server.web.ApiError;
import dev.propos.server.web.ApiException;
import dev.propos.server.web.WebhookSignature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook: {@code checkout.session.completed} and {@code charge.refunded}, verified with
 * the endpoint's signing secret ({@code PROPOS_STRIPE_WEBHOOK_SECRET}, Stripe's scheme and its
 * default tolerance of five minutes). Refused deliveries are logged and kept in
 * {@code webhook_rejections}; a replayed event is answered 200 and changes nothing.
 */
@RestController
@Tag(name = "purchases")
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The answer to Stripe: what became of the event. */
    record Received(String event, String outcome) {
    }

    private final Purchases purchases;
    private final PurchaseStore store;
    private final WebhookSignature signature;
    private final Clock clock;

    StripeWebhookController(Purchases purchases, PurchaseStore store, Clock clock,
                            @Value("${propos.stripe.webhook-secret:}") String secret) {
        this.purchases = purchases;
        this.store = store;
        this.clock = clock;
        this.signature = secret.isBlank() ? null : new WebhookSignature(secret, Duration.ofMinutes(5));
    }

    @PostMapping("/api/webhooks/stripe")
    @Operation(summary = "Stripe events: a checkout enrolls the trader, a refund is recorded (signature required)")
    ResponseEntity<?> receive(@RequestBody byte[] body,
                              @RequestHeader(value = "Stripe-Signature", required = false) String header) {
        if (signature == null) {
            throw ApiException.unavailable("no Stripe signing secret is configured (PROPOS_STRIPE_WEBHOOK_SECRET)");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            signature.verify(header, body, clock.instant());
        } catch (WebhookSignature.Invalid e) {
            return refuse(e.getMessage(), text);
        }
        StripeEvent event;
        try {
            JsonNode json = JSON.readTree(body);
            event = new StripeEvent(json.path("id").asString(), json.path("type").asString(), json.path("data").path("object"));
        } catch (RuntimeException e) {
            return refuse("the body is not a Stripe event: " + e.getMessage(), text);
        }
        try {
            Purchases.Outcome outcome = purchases.handle(event);
            log.info("Stripe event {} ({}): {}", event.id(), event.type(), outcome);
            return ResponseEntity.ok(new Received(event.id(), outcome.name().toLowerCase(java.util.Locale.ROOT)));
        } catch (Purchases.UnusablePurchase | ApiException e) {
            return refuse(e.getMessage(), text);
        }
    }

    private ResponseEntity<ApiError> refuse(String reason, String body) {
        log.warn("Stripe webhook refused: {}", reason);
        store.rejected(Purchases.PROVIDER, clock.instant(), reason, body);
        return ResponseEntity.badRequest().body(new ApiError(reason));
    }
}
