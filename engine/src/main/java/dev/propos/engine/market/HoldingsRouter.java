package dev.propos.engine.market;

import dev.propos.engine.account.Account;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Routes a quote to every account holding the symbol (or converting through it): simple, O(holders). */
public final class HoldingsRouter implements QuoteRouter {

    private final Map<String, TreeSet<Account>> holders = new HashMap<>();
    private final Map<Account, Set<String>> registered = new HashMap<>();

    @Override
    public void update(Account account) {
        Set<String> now = account.isFinished() ? Set.of() : account.quoteDependencies();
        Set<String> before = registered.getOrDefault(account, Set.of());
        if (now.equals(before)) {
            return;
        }
        for (String symbol : before) {
            if (!now.contains(symbol)) {
                holders.get(symbol).remove(account);
            }
        }
        for (String symbol : now) {
            holders.computeIfAbsent(symbol, s -> new TreeSet<>(Comparator.comparing(Account::id))).add(account);
        }
        if (now.isEmpty()) {
            registered.remove(account);
        } else {
            registered.put(account, now);
        }
    }

    @Override
    public void remove(Account account) {
        for (String symbol : registered.getOrDefault(account, Set.of())) {
            holders.get(symbol).remove(account);
        }
        registered.remove(account);
    }

    @Override
    public List<Account> affectedBy(String symbol) {
        TreeSet<Account> accounts = holders.get(symbol);
        return accounts == null ? List.of() : new ArrayList<>(accounts);
    }
}
