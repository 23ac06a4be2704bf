package dev.propos.server.kyc;

import dev.propos.server.web.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider that reports results as signed JSON webhooks ({@code Signature: t=..,v1=..}, the
 * scheme of {@link WebhookSignature}), the body {@code {"id", "trader", "reference", "status":
 * "approved"|"rejected", "reason"}}: what an adapter for a real vendor translates its callbacks to.
 */
final class SignedWebhookKycProvider implements KycProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final WebhookSignature signature;
    private final Clock clock;

    SignedWebhookKycProvider(String name, String secret, Clock clock) {
        this.name = name;
        this.signature = new WebhookSignature(secret, Duration.ofMinutes(5));
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String start(String trader) {
        return name + "-" + UUID.randomUUID();
    }

    @Override
    public KycResult read(byte[] body, String signatureHeader) throws KycWebhookException {
        try {
            signature.verify(signatureHeader, body, clock.instant());
        } catch (WebhookSignature.Invalid e) {
            throw new KycWebhookException(e.getMessage());
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new KycWebhookException("the body is not JSON: " + e.getMessage());
        }
        String id = text(json, "id");
        String trader = text(json, "trader");
        String status = text(json, "status");
        if (id == null || trader == null || !("approved".equals(status) || "rejected".equals(status))) {
            throw new KycWebhookException("a result needs id, trader and status approved or rejected");
        }
        return new KycResult(id, trader, text(json, "reference"), status.equals("approved"), text(json, "reason"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }
}
