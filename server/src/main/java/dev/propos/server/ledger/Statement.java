package dev.propos.server.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's posted entries over a period, oldest first, each with the balance after it. Balances
 * are on the side the account grows on (a trader's payable account: what the firm owes them). Holds
 * are not entries: the account's pending sums show them.
 *
 * @param from null: from the first entry
 * @param to   null: up to now, so that {@code closingBalanceCents} is the account's balance
 */
public record Statement(LedgerAccount account, Instant from, Instant to, long openingBalanceCents,
                        List<Entry> entries, long closingBalanceCents) {

    /** One posted transfer as the account sees it: the other account, and the debit or the credit. */
    public record Entry(long transferId, Instant at, String key, String counterAccount, long debitCents,
                        long creditCents, long balanceCents, Reference reference, String description) {
    }

    /** Later than any transfer: PostgreSQL's timestamps and {@link java.sql.Timestamp} both hold it. */
    private static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");

    static Statement read(LedgerAccount account, Instant from, Instant to, LedgerStore store) {
        AccountKind kind = account.kind();
        long balanceCents = store.postedBefore(account.id(), from == null ? Instant.EPOCH : from).postedCents(kind);
        long openingCents = balanceCents;
        List<Entry> entries = new ArrayList<>();
        for (Transfer transfer : store.postedBetween(account.id(), from == null ? Instant.EPOCH : from,
                to == null ? END_OF_TIME : to)) {
            boolean debit = transfer.debitAccount().equals(account.id());
            long amountCents = transfer.amountCents();
            balanceCents += debit == kind.debitNormal() ? amountCents : -amountCents;
            entries.add(new Entry(transfer.id(), transfer.createdAt(), transfer.key(),
                    debit ? transfer.creditAccount() : transfer.debitAccount(), debit ? amountCents : 0,
                    debit ? 0 : amountCents, balanceCents, transfer.reference(), transfer.description()));
        }
        return new Statement(account, from, to, openingCents, List.copyOf(entries), balanceCents);
    }
}
