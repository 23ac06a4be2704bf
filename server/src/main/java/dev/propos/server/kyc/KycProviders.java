package dev.propos.server.kyc;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configured identity-verification provider: one that reports by signed webhooks, named by
 * {@code propos.kyc.provider}, with its secret from {@code PROPOS_KYC_WEBHOOK_SECRET}. Without a
 * secret there is none, and staff verify traders by hand.
 */
@Component
class KycProviders {

    private final KycProvider provider;

    KycProviders(@Value("${propos.kyc.provider:webhook}") String name,
                 @Value("${propos.kyc.webhook-secret:}") String secret, Clock clock) {
        this.provider = secret.isBlank() ? null : new SignedWebhookKycProvider(name, secret, clock);
    }

    Optional<KycProvider> named(String name) {
        return Optional.ofNullable(provider).filter(p -> p.name().equals(name));
    }

    Optional<KycProvider> configured() {
        return Optional.ofNullable(provider);
    }
}
