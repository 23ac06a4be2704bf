package dev.propos.engine.reference;

import dev.propos.engine.account.Account;
import dev.propos.engine.market.QuoteRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The naive router: every quote revalues every live account, whatever it holds. No index. */
public final class EveryAccountRouter implements QuoteRouter {

    /** By account id (a map, not a set with a comparator lambda, so that snapshots can hold it). */
    private final TreeMap<String, Account> live = new TreeMap<>();

    @Override
    public void update(Account account) {
        live.put(account.id(), account);
    }

    @Override
    public void remove(Account account) {
        live.remove(account.id());
    }

    @Override
    public List<Account> affectedBy(String symbol) {
        return new ArrayList<>(live.values());
    }
}
