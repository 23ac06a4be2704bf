package dev.propos.engine.reference;

import dev.propos.engine.account.Account;
import dev.propos.engine.market.QuoteRouter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** The naive router: every quote revalues every live account, whatever it holds. No index. */
public final class EveryAccountRouter implements QuoteRouter {

    private final TreeSet<Account> live = new TreeSet<>(Comparator.comparing(Account::id));

    @Override
    public void update(Account account) {
        live.add(account);
    }

    @Override
    public void remove(Account account) {
        live.remove(account);
    }

    @Override
    public List<Account> affectedBy(String symbol) {
        return new ArrayList<>(live);
    }
}
