package dev.propos.server.ledger;

/**
 * Why the ledger refused a request; nothing of it was posted. In the order they are checked: a
 * request's legs first without the database (key through same account), then its keys against
 * stored transfers, then each leg in order against the accounts and holds.
 */
public enum Refusal {
    /** A blank idempotency key. */
    KEY_MISSING,
    /** Two legs of one request with the same key. */
    KEY_REPEATED,
    /** A blank reference: every transfer names its cause. */
    REFERENCE_MISSING,
    AMOUNT_NOT_POSITIVE,
    SAME_ACCOUNT,
    /** The key was used before for another transfer (TigerBeetle's {@code exists_with_different_*}). */
    EXISTS_WITH_DIFFERENT_REQUEST,
    /** Some keys of linked legs were used before and others not: not a retry of one request. */
    PARTLY_EXISTS,
    ACCOUNT_NOT_FOUND,
    /** An account's currency is not the transfer's. */
    CURRENCY_MISMATCH,
    PENDING_NOT_FOUND,
    /** The key named is not a hold. */
    NOT_PENDING,
    PENDING_ALREADY_POSTED,
    PENDING_ALREADY_VOIDED,
    AMOUNT_EXCEEDS_PENDING,
    /** A sum would not fit in a long. */
    OVERFLOW,
    /** The debit account is {@link BalanceLimit#DEBITS_MUST_NOT_EXCEED_CREDITS} and would exceed it. */
    EXCEEDS_CREDITS,
    /** The credit account is {@link BalanceLimit#CREDITS_MUST_NOT_EXCEED_DEBITS} and would exceed it. */
    EXCEEDS_DEBITS
}
