package dev.propos.server.ledger;

import java.time.Instant;

/**
 * One stored transfer: {@code amountCents} from {@code debitAccount} to {@code creditAccount}. For
 * the post or void of a hold, {@code pendingId} and {@code pendingKey} name the hold, and the
 * accounts and currency are the hold's.
 */
public record Transfer(long id, String key, String debitAccount, String creditAccount, long amountCents,
                       String currency, TransferStatus status, Long pendingId, String pendingKey,
                       Reference reference, String description, Instant createdAt) {
}
