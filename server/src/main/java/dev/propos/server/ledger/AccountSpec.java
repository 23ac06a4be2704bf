package dev.propos.server.ledger;

import java.util.Objects;
import java.util.regex.Pattern;

/** An account to open: everything but its balance. Opening it again with the same spec is a no-op. */
public record AccountSpec(String id, String name, AccountKind kind, String currency, String traderId,
                          BalanceLimit limit) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public AccountSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(limit, "limit");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an account id must not be blank");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("a currency is three capital letters: " + currency);
        }
    }
}
