package dev.propos.server.ledger;

import java.util.Objects;

/**
 * A request to the ledger. Every command carries the caller's idempotency {@code key}: the same key
 * with the same command returns the first result and posts nothing; the same key with another
 * command is refused ({@link Refusal#EXISTS_WITH_DIFFERENT_REQUEST}). Values are checked by the
 * ledger, which refuses rather than throws, so that callers handle every outcome in one place.
 */
public sealed interface TransferCommand {

    String key();

    Reference reference();

    String description();

    /** Moves {@code amountCents} from the debit to the credit account at once. */
    record Post(String key, String debitAccount, String creditAccount, long amountCents, String currency,
                Reference reference, String description) implements TransferCommand {
        public Post {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(debitAccount, "debitAccount");
            Objects.requireNonNull(creditAccount, "creditAccount");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(reference, "reference");
            description = description == null ? "" : description;
        }
    }

    /**
     * Holds {@code amountCents}: a pending transfer, counted in the accounts' pending sums (and
     * against their limits) until it is posted ({@link PostPending}) or voided ({@link VoidPending}).
     */
    record Hold(String key, String debitAccount, String creditAccount, long amountCents, String currency,
                Reference reference, String description) implements TransferCommand {
        public Hold {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(debitAccount, "debitAccount");
            Objects.requireNonNull(creditAccount, "creditAccount");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(reference, "reference");
            description = description == null ? "" : description;
        }
    }

    /**
     * Posts the hold whose key is {@code pendingKey}: {@code amountCents} (at most the held amount)
     * moves between the hold's accounts, and the whole held amount stops being pending.
     */
    record PostPending(String key, String pendingKey, long amountCents, Reference reference, String description)
            implements TransferCommand {
        public PostPending {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(pendingKey, "pendingKey");
            Objects.requireNonNull(reference, "reference");
            description = description == null ? "" : description;
        }
    }

    /** Releases the hold whose key is {@code pendingKey}: nothing moves, its amount stops being pending. */
    record VoidPending(String key, String pendingKey, Reference reference, String description)
            implements TransferCommand {
        public VoidPending {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(pendingKey, "pendingKey");
            Objects.requireNonNull(reference, "reference");
            description = description == null ? "" : description;
        }
    }
}
