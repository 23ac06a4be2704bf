package dev.propos.engine.market;

import dev.propos.engine.account.Account;
import java.io.Serializable;
import java.util.List;

/**
 * Decides which accounts a quote must revalue. Implementations must never leave out an account
 * whose rules the quote could trigger; including more only costs time.
 */
public interface QuoteRouter extends Serializable {

    /** Records what the account now holds (after any change to its positions, equity or rules). */
    void update(Account account);

    /** Forgets a finished account. */
    void remove(Account account);

    /** The accounts to revalue after a quote of {@code symbol} (already applied to the market), in account order. */
    List<Account> affectedBy(String symbol);
}
