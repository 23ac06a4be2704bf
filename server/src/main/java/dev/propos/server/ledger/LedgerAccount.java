package dev.propos.server.ledger;

import java.time.Instant;

/**
 * A ledger account with its balance. {@code balanceCents} and {@code pendingCents} are on the side
 * the account grows on (an asset's debits, a liability's credits): what a person reads as its balance.
 */
public record LedgerAccount(String id, String name, AccountKind kind, String currency, String traderId,
                            BalanceLimit limit, Balance balance, long balanceCents, long pendingCents,
                            Instant createdAt) {

    static LedgerAccount of(String id, String name, AccountKind kind, String currency, String traderId,
                            BalanceLimit limit, Balance balance, Instant createdAt) {
        return new LedgerAccount(id, name, kind, currency, traderId, limit, balance, balance.postedCents(kind),
                balance.pendingCents(kind), createdAt);
    }
}
