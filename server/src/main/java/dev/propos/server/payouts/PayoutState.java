package dev.propos.server.payouts;

import java.util.Locale;
import java.util.Set;

/**
 * Where a payout stands. The engine's answer to a request makes it {@link #CHECKED} (its payout
 * rules hold; the engine has reserved the amount) or {@link #REFUSED}; the program's policy approves
 * it or sends it to review; an approved payout is executed (platform balance and ledger), sent
 * through a payment rail, and paid or failed. A payout that will not be paid is cancelled, which
 * gives the amount back to the account.
 */
public enum PayoutState {
    CHECKED, REFUSED, IN_REVIEW, APPROVED, EXECUTED, SUBMITTED, PAID, FAILED, CANCELLED;

    /** The moves the workflow allows; any other is a bug or a stale request, refused. */
    boolean mayMoveTo(PayoutState next) {
        return switch (this) {
            case CHECKED -> Set.of(APPROVED, IN_REVIEW).contains(next);
            case IN_REVIEW -> Set.of(APPROVED, CANCELLED).contains(next);
            case APPROVED -> next == EXECUTED || next == CANCELLED;
            case EXECUTED -> next == SUBMITTED;
            case SUBMITTED -> next == PAID || next == FAILED;
            case FAILED -> next == SUBMITTED || next == CANCELLED;
            case REFUSED, PAID, CANCELLED -> false;
        };
    }

    boolean isFinal() {
        return this == REFUSED || this == PAID || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PayoutState ofWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
