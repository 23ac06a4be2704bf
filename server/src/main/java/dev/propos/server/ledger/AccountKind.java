package dev.propos.server.ledger;

import java.util.Locale;

/** What a ledger account is to the firm; decides which side its balance grows on. */
public enum AccountKind {
    ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE;

    /** Assets and expenses grow with debits; liabilities, equity and revenue with credits. */
    public boolean debitNormal() {
        return this == ASSET || this == EXPENSE;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AccountKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
