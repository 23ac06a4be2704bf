package dev.propos.server.kyc;

/**
 * An identity-verification provider: it starts a verification for a trader and later tells the
 * result through a signed webhook.
 */
public interface KycProvider {

    /** The provider's name, as in {@code POST /api/webhooks/kyc/{name}}. */
    String name();

    /** Starts a verification; the provider's reference for it (a session the trader completes). */
    String start(String trader);

    /**
     * Reads a webhook delivery: checks its signature and returns the result it carries.
     *
     * @throws KycWebhookException when the delivery is unsigned, badly signed, stale or unreadable
     */
    KycResult read(byte[] body, String signatureHeader) throws KycWebhookException;

    /** A verification's result: the delivery's id (for replays), the trader, approved or not, why. */
    record KycResult(String deliveryId, String trader, String reference, boolean approved, String reason) {
    }

    /** A delivery that is refused. */
    final class KycWebhookException extends Exception {
        public KycWebhookException(String message) {
            super(message);
        }
    }
}
