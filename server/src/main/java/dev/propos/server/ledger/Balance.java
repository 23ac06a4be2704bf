package dev.propos.server.ledger;

/**
 * An account's four sums, in cents: pending amounts are held (a pending transfer not yet posted or
 * voided), posted amounts have moved. Kept in the account's row, equal to the sums of its transfers.
 */
public record Balance(long debitsPendingCents, long debitsPostedCents, long creditsPendingCents,
                      long creditsPostedCents) {

    public static final Balance ZERO = new Balance(0, 0, 0, 0);

    /** This balance with {@code delta} added; throws {@link ArithmeticException} past a long. */
    Balance plus(Balance delta) {
        return new Balance(Math.addExact(debitsPendingCents, delta.debitsPendingCents),
                Math.addExact(debitsPostedCents, delta.debitsPostedCents),
                Math.addExact(creditsPendingCents, delta.creditsPendingCents),
                Math.addExact(creditsPostedCents, delta.creditsPostedCents));
    }

    /** Whether {@code limit} allows this balance. Pending debits count against posted credits, as in TigerBeetle. */
    boolean allows(BalanceLimit limit) {
        return switch (limit) {
            case NONE -> true;
            case DEBITS_MUST_NOT_EXCEED_CREDITS -> Math.addExact(debitsPendingCents, debitsPostedCents) <= creditsPostedCents;
            case CREDITS_MUST_NOT_EXCEED_DEBITS -> Math.addExact(creditsPendingCents, creditsPostedCents) <= debitsPostedCents;
        };
    }

    /** Posted balance on the side the account grows on ({@link AccountKind#debitNormal}). */
    public long postedCents(AccountKind kind) {
        return kind.debitNormal() ? debitsPostedCents - creditsPostedCents : creditsPostedCents - debitsPostedCents;
    }

    /** Pending balance on the side the account grows on. */
    public long pendingCents(AccountKind kind) {
        return kind.debitNormal() ? debitsPendingCents - creditsPendingCents : creditsPendingCents - debitsPendingCents;
    }
}
