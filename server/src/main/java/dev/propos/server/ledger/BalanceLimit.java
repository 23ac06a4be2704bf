package dev.propos.server.ledger;

/**
 * TigerBeetle's balance limits. A trader's payable account is {@link #DEBITS_MUST_NOT_EXCEED_CREDITS}:
 * its pending and posted debits (payments, holds on it) never exceed its posted credits (what the firm
 * owes), so a trader is never paid more than they are owed.
 */
public enum BalanceLimit {
    NONE, DEBITS_MUST_NOT_EXCEED_CREDITS, CREDITS_MUST_NOT_EXCEED_DEBITS
}
