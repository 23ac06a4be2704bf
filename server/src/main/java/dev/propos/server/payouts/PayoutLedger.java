package dev.propos.server.payouts;

/**
 * A payout's postings in the double-entry ledger, each step idempotent by the payout's id: the
 * amount owed is held when the engine approves it, posted as payable when the payout is executed,
 * paid out when the money has left, and released when it will not be paid.
 */
interface PayoutLedger {

    void hold(Payout payout);

    void execute(Payout payout);

    void paid(Payout payout, String reference);

    /** Gives up the payout: what was held is released; what was executed (posted payable) is reversed. */
    void release(Payout payout, boolean executed);
}
