package dev.propos.server.kyc;

import java.util.Locale;

/** Where a trader's identity verification stands. */
public enum KycStatus {
    NOT_STARTED, PENDING, APPROVED, REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static KycStatus ofWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
