package dev.propos.server.ledger;

import java.util.Locale;

/**
 * What a transfer row is. Rows never change: a hold stays {@code PENDING}; its outcome is a later
 * row, {@code POSTED} or {@code VOIDED}, whose {@code pendingId} names it.
 */
public enum TransferStatus {
    PENDING, POSTED, VOIDED;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TransferStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
