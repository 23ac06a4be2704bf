package dev.propos.engine.risk;

import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.decision.Decision.MatchedPosition;
import dev.propos.engine.decision.Decision.RiskFlag;
import dev.propos.engine.event.Side;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Cross-account detection (spec/programs.md, "Risk"): copy trading and hedging between accounts,
 * judged at every open over the recent opens of every account, finished ones included.
 *
 * <p>What it remembers of pairs of accounts (copy matches short of {@code min_matches}, pairs
 * already flagged) is forgotten for a pair once one of its accounts has finished and its last
 * open has left every window: a finished account opens nothing more, so such a pair can never
 * match again (docs/spec-notes.md). Memory then grows with the pairs of live accounts, not with
 * the stream.
 */
public final class RiskWatch implements Serializable {

    private static final Comparator<MatchedPosition> EVIDENCE_ORDER =
            Comparator.comparing(MatchedPosition::openTime).thenComparing(MatchedPosition::account);

    private RiskConfig.CopyTrading copyTrading;
    private RiskConfig.Hedging hedging;
    /** How far back opens are kept: the longer window. */
    private Duration memory;
    /** Recent opens by symbol and side, oldest first. */
    private final Map<String, ArrayDeque<OpenedPosition>> recent = new HashMap<>();
    /** Matches so far of pairs of accounts not yet flagged: the matched positions, two per match. */
    private final Map<Pair, List<MatchedPosition>> copyMatches = new HashMap<>();
    /** Pairs already flagged: they need nothing more than their key. */
    private final Set<Pair> copyFlagged = new HashSet<>();
    private final Set<Pair> hedgedPairs = new HashSet<>();
    /** Finished accounts, in the order they finished, until their opens have left every window. */
    private final ArrayDeque<Finished> finishing = new ArrayDeque<>();
    /** Finished accounts whose opens have left every window, until the pairs with them are swept out. */
    private final Set<String> gone = new HashSet<>();

    /** Two accounts, in id order. */
    private record Pair(String first, String second) implements Serializable {
        static Pair of(String a, String b) {
            return a.compareTo(b) < 0 ? new Pair(a, b) : new Pair(b, a);
        }
    }

    /** An account that finished at {@code at}: no open of its is later. */
    private record Finished(String account, Instant at) implements Serializable {
    }

    public RiskWatch(RiskConfig config) {
        configure(config);
    }

    private void configure(RiskConfig config) {
        this.copyTrading = config.copyTrading();
        this.hedging = config.hedging();
        long seconds = Math.max(copyTrading == null ? 0 : copyTrading.windowSeconds(),
                hedging == null ? 0 : hedging.windowSeconds());
        this.memory = Duration.ofSeconds(seconds);
    }

    /**
     * New settings, from the next open on. They judge it against the opens remembered: those within
     * the previous settings' longer window before {@code now} (none while detection was off). The
     * older ones are forgotten here, so that a widened window sees the same opens however lately
     * each queue was trimmed. Pairs already flagged stay flagged; copy matches counted so far count
     * towards the new {@code min_matches}.
     */
    public void reconfigure(RiskConfig newer, Instant now) {
        if (now != null) {
            Instant horizon = now.minus(memory);
            for (ArrayDeque<OpenedPosition> queue : recent.values()) {
                while (!queue.isEmpty() && queue.peekFirst().openTime().isBefore(horizon)) {
                    queue.pollFirst();
                }
            }
        }
        configure(newer);
    }

    public boolean isActive() {
        return copyTrading != null || hedging != null;
    }

    /**
     * An account finished at {@code at} (failed or passed): it opens nothing more, so once its last
     * open has left every window (after {@code at} plus the longer window), no pair with it can
     * match again, and what is remembered of those pairs is forgotten.
     */
    public void onAccountFinished(String account, Instant at) {
        finishing.addLast(new Finished(account, at));
        forgetFinished(at); // also while detection is off, when no open comes here to do it
    }

    /**
     * Judges a new open against the recent ones; {@code stillOpen} tells whether an earlier
     * position (account, position) is open now. Returns the flags it raises, in order.
     */
    public List<RiskFlag> onOpened(OpenedPosition opened, BiPredicate<String, String> stillOpen) {
        if (!isActive()) {
            return List.of();
        }
        forgetFinished(opened.openTime());
        List<RiskFlag> flags = new ArrayList<>();
        if (copyTrading != null) {
            copyTrading(opened, flags);
        }
        if (hedging != null) {
            hedging(opened, stillOpen, flags);
        }
        ArrayDeque<OpenedPosition> queue = recent.computeIfAbsent(key(opened.symbol(), opened.side()),
                k -> new ArrayDeque<>());
        queue.addLast(opened);
        return flags;
    }

    private void copyTrading(OpenedPosition opened, List<RiskFlag> flags) {
        Instant from = opened.openTime().minusSeconds(copyTrading.windowSeconds());
        for (Map.Entry<String, List<OpenedPosition>> other
                : byOtherAccount(opened, opened.side(), from, candidate -> true).entrySet()) {
            Pair pairKey = Pair.of(opened.account(), other.getKey());
            if (copyFlagged.contains(pairKey)) {
                continue;
            }
            List<MatchedPosition> matched = copyMatches.computeIfAbsent(pairKey, k -> new ArrayList<>(2));
            for (OpenedPosition candidate : other.getValue()) {
                if (!usedIn(matched, candidate)) {
                    matched.add(candidate.evidence());
                    matched.add(opened.evidence());
                    if (matched.size() / 2 >= copyTrading.minMatches()) {
                        copyMatches.remove(pairKey);
                        copyFlagged.add(pairKey);
                        flags.add(flag(opened, "copy_trading", other.getKey(), copyTrading.minMatches(), matched));
                    }
                    break;
                }
            }
        }
    }

    /** A position matches at most once per pair of accounts. */
    private static boolean usedIn(List<MatchedPosition> matched, OpenedPosition position) {
        for (MatchedPosition match : matched) {
            if (match.account().equals(position.account()) && match.position().equals(position.position())) {
                return true;
            }
        }
        return false;
    }

    private void hedging(OpenedPosition opened, BiPredicate<String, String> stillOpen, List<RiskFlag> flags) {
        Instant from = opened.openTime().minusSeconds(hedging.windowSeconds());
        Predicate<OpenedPosition> pairable = candidate -> !hedging.sameTraderOnly()
                || (opened.trader() != null && opened.trader().equals(candidate.trader()));
        for (Map.Entry<String, List<OpenedPosition>> other
                : byOtherAccount(opened, opened.side().opposite(), from, pairable).entrySet()) {
            Pair pairKey = Pair.of(opened.account(), other.getKey());
            if (hedgedPairs.contains(pairKey)) {
                continue;
            }
            for (OpenedPosition candidate : other.getValue()) {
                if (!stillOpen.test(candidate.account(), candidate.position())) {
                    continue;
                }
                hedgedPairs.add(pairKey);
                flags.add(flag(opened, "hedging", other.getKey(), 1,
                        List.of(candidate.evidence(), opened.evidence())));
                break;
            }
        }
    }

    /**
     * The recent opens on {@code side} at or after {@code from} of accounts other than the opener's
     * that pass {@code eligible}, by account id, each account's in opening order. The scan walks
     * back from the newest open and stops at the window's start.
     */
    private TreeMap<String, List<OpenedPosition>> byOtherAccount(OpenedPosition opened, Side side, Instant from,
                                                                Predicate<OpenedPosition> eligible) {
        TreeMap<String, List<OpenedPosition>> byAccount = new TreeMap<>();
        ArrayDeque<OpenedPosition> queue = recent.get(key(opened.symbol(), side));
        if (queue == null) {
            return byAccount;
        }
        Instant horizon = opened.openTime().minus(memory);
        while (!queue.isEmpty() && queue.peekFirst().openTime().isBefore(horizon)) {
            queue.pollFirst();
        }
        for (Iterator<OpenedPosition> newestFirst = queue.descendingIterator(); newestFirst.hasNext(); ) {
            OpenedPosition candidate = newestFirst.next();
            if (candidate.openTime().isBefore(from)) {
                break;
            }
            if (!candidate.account().equals(opened.account()) && eligible.test(candidate)) {
                byAccount.computeIfAbsent(candidate.account(), k -> new ArrayList<>(2)).add(candidate);
            }
        }
        byAccount.values().forEach(Collections::reverse);
        return byAccount;
    }

    private static RiskFlag flag(OpenedPosition opened, String kind, String otherAccount, int matches,
                                 List<MatchedPosition> evidence) {
        List<String> accounts = new ArrayList<>(List.of(opened.account(), otherAccount));
        accounts.sort(null);
        List<MatchedPosition> ordered = new ArrayList<>(evidence);
        ordered.sort(EVIDENCE_ORDER);
        return new RiskFlag(opened.openTime(), kind, accounts, matches, ordered);
    }

    private static String key(String symbol, Side side) {
        return symbol + '\u0000' + side;
    }

    /**
     * Moves the finished accounts whose opens are all older than every window reaching back from
     * {@code now} to {@link #gone}, and sweeps the pairs with them out once they are many enough
     * (at least 1/64 of the pairs remembered, so that a sweep costs O(1) a finished account). An
     * open of such an account is never a candidate again: candidates are at or after the new
     * open's time less a window, and a reconfiguration first forgets the opens older than the
     * current longer window.
     */
    private void forgetFinished(Instant now) {
        Instant horizon = now.minus(memory);
        while (!finishing.isEmpty() && finishing.peekFirst().at().isBefore(horizon)) {
            gone.add(finishing.pollFirst().account());
        }
        int remembered = copyMatches.size() + copyFlagged.size() + hedgedPairs.size();
        if (!gone.isEmpty() && 64L * gone.size() >= remembered) {
            copyMatches.keySet().removeIf(this::withGone);
            copyFlagged.removeIf(this::withGone);
            hedgedPairs.removeIf(this::withGone);
            gone.clear();
        }
    }

    private boolean withGone(Pair pair) {
        return gone.contains(pair.first()) || gone.contains(pair.second());
    }

    /** Pairs remembered (partly matched, or flagged), for tests. */
    int rememberedPairs() {
        return copyMatches.size() + copyFlagged.size() + hedgedPairs.size();
    }
}
