package dev.propos.engine.schedule;

import dev.propos.engine.account.Account;
import dev.propos.engine.config.TradingDay;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The running accounts by trading-day definition, each group in account order, so that a boundary
 * visits only the accounts it is due for rather than every account of the firm.
 *
 * <p>The running accounts of one definition share their next boundary: each took it from
 * {@link DayBoundaries#next} for that definition, after its start or after the boundary before,
 * and no boundary of the definition lies between. A group is due when its first account is.
 */
public final class DayRoster implements Serializable {

    private final Map<TradingDay, NavigableMap<String, Account>> groups = new HashMap<>();

    public void add(Account account) {
        groups.computeIfAbsent(account.program().tradingDay(), day -> new TreeMap<>()).put(account.id(), account);
    }

    /** A finished account needs no more boundaries. */
    public void remove(Account account) {
        NavigableMap<String, Account> group = groups.get(account.program().tradingDay());
        if (group != null) {
            group.remove(account.id());
        }
    }

    /** The running accounts whose next boundary is {@code boundary}, in account order (a copy). */
    public List<Account> dueAt(Instant boundary) {
        List<Account> due = new ArrayList<>();
        int groupsDue = 0;
        for (NavigableMap<String, Account> group : groups.values()) {
            while (!group.isEmpty() && group.firstEntry().getValue().isFinished()) {
                group.pollFirstEntry(); // finished without being removed: it must not stand for the group
            }
            if (!group.isEmpty() && group.firstEntry().getValue().nextBoundary().equals(boundary)) {
                due.addAll(group.values());
                groupsDue++;
            }
        }
        if (groupsDue > 1) {
            due.sort(Comparator.comparing(Account::id)); // two definitions whose boundaries coincide
        }
        return due;
    }
}
