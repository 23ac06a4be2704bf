package dev.propos.server.kyc;

import java.time.Instant;

/** A trader's verification: its status, who verified (a provider or a person), and why when rejected. */
public record KycRecord(String trader, KycStatus status, String provider, String providerReference, String reason,
                        String decidedBy, Instant updatedAt) {

    static KycRecord notStarted(String trader) {
        return new KycRecord(trader, KycStatus.NOT_STARTED, null, null, null, null, null);
    }
}
