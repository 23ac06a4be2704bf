package dev.propos.engine.market;

import dev.propos.engine.account.Account;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hot path's quote router. Each account gets trigger prices per symbol it holds: the bid or
 * ask at which, if nothing else moved, its equity could leave the band in which no rule can act
 * (reach a floor, or make a new high or the target). The band's room is shared among the
 * account's symbols by risk (notional times the symbol's volatility so far, {@link #weigh}), less a
 * cent per position for the rounding of each position to cents (half a cent now, half a cent
 * then), so that no combination of moves that crosses no trigger can leave the band. A quote then
 * pops only the triggers it crosses, from the queues of its symbol ({@link TriggerQueue}), and
 * costs O(1) when it crosses none.
 *
 * <p>An account whose trigger a quote crosses is first valued exactly in long arithmetic
 * ({@link TriggerPlan#equity}): if its equity is still strictly inside its band, no rule can act,
 * exactly as for an account whose triggers were not crossed, and its triggers are only placed
 * anew from that equity (a re-arm). Only the others go to the engine to be revalued in decimal.
 * An update that changes nothing the triggers rest on (positions, balance, band) keeps them.
 *
 * <p>Trigger prices are keys in units of 1e-9, rounded so that a trigger never fires late (it may
 * fire early: the exact check decides). Accounts whose valuation is not linear in the symbol's own
 * prices (a profit currency other than the account's, or a symbol with no quote yet) are revalued
 * on every quote of the symbols they depend on.
 */
public final class TriggerRouter implements QuoteRouter {

    private static final long NANOS_PER_UNIT = 1_000_000_000L;
    /** Room beyond which long arithmetic could overflow: capping it only makes triggers fire sooner. */
    private static final long MAX_ROOM_CENTS = 9_000_000_000L;
    /** The farthest a trigger is placed from the price, so that keys stay inside a long. */
    private static final long MAX_MOVE = PriceKeys.KEY_LIMIT - 1;
    private static final Comparator<Account> ACCOUNT_ORDER = Comparator.comparing(Account::id);

    private final Market market;
    private final Map<String, SymbolTriggers> bySymbol = new HashMap<>();
    /** By {@link SymbolTriggers#index}. */
    private SymbolTriggers[] symbols = new SymbolTriggers[8];
    private final Map<Account, Integer> slotOf = new HashMap<>();
    private final List<Integer> freeSlots = new ArrayList<>();
    private final List<Account> fired = new ArrayList<>();
    /** The slots whose triggers the current quote crossed, before their exact check. */
    private int[] crossed = new int[64];
    private int crossedCount;
    private Account[] accounts = new Account[256];
    /** Per slot: the version of its triggers; heap entries of older versions are stale. */
    private int[] versions = new int[256];
    /** Per slot: its plan (null when revalued on every quote), and the always-sets that hold it (or null). */
    private TriggerPlan[] plans = new TriggerPlan[256];
    private SymbolTriggers[][] alwaysIn = new SymbolTriggers[256][];
    private final Counts counts = new Counts();
    /** Scratch arrays of {@link #weigh}. */
    private transient long[] weights;
    private transient double[] risks;
    private int slotCount;
    /** Counts the quotes that crossed triggers (a long: it never comes back to a plan's old stamp). */
    private long stamp;
    /** Quotes of symbols with triggers, routed so far (the measure of time for volatilities). */
    private long quotesRouted;

    public TriggerRouter(Market market) {
        this.market = market;
    }

    @Override
    public void update(Account account) {
        int slot = slotFor(account);
        if (account.isFinished() || !account.valuedByQuotes()) {
            remove(account);
            return;
        }
        TriggerPlan plan = plans[slot];
        boolean samePositions = plan != null && plan.positionsVersion == account.positionsVersion();
        long[] band = account.quietEquityBand();
        if (samePositions && plan.armed && band[0] == plan.lower && band[1] == plan.upper
                && account.balanceCents() == plan.balance) {
            // Nothing its triggers rest on changed (a day that keeps the floors, say): they still hold.
            counts.keptArmed++;
            return;
        }
        versions[slot]++;
        leaveAlwaysSets(slot);
        if (!samePositions) {
            plan = TriggerPlan.of(account, market, this::triggers);
            plans[slot] = plan;
        }
        if (plan == null) {
            joinAlwaysSets(account, slot);
            return;
        }
        for (int h = 0; h < plan.holdings; h++) {
            SymbolTriggers triggers = symbols[plan.symbolIndex(h)];
            triggers.keyQuote(market.quote(triggers.symbol));
        }
        plan.lower = band[0];
        plan.upper = band[1];
        plan.balance = account.balanceCents();
        counts.placements++;
        place(slot, plan, account.equityAtLatestQuotes());
    }

    @Override
    public void remove(Account account) {
        Integer slot = slotOf.get(account);
        if (slot != null) {
            versions[slot]++;
            leaveAlwaysSets(slot);
            release(account, slot);
        }
    }

    /**
     * The accounts to revalue, in account order; the list is reused by the next call. The accounts
     * whose triggers the quote crossed are checked exactly first, and re-armed if still quiet.
     */
    @Override
    public List<Account> affectedBy(String symbol) {
        fired.clear();
        SymbolTriggers triggers = bySymbol.get(symbol);
        if (triggers == null) {
            return fired;
        }
        triggers.keyQuote(market.quote(symbol));
        quotesRouted++;
        if (!triggers.always.isEmpty()) {
            // An account in an always-set has no live trigger, so it cannot be collected twice.
            fired.addAll(triggers.always);
        }
        if (triggers.crossed()) {
            collectCrossed(triggers);
        }
        if (fired.size() > 1) {
            fired.sort(ACCOUNT_ORDER);
        }
        return fired;
    }

    /**
     * Pops the triggers the quote crossed; re-arms the accounts still quiet, and adds the others to
     * {@link #fired}. Apart from {@link #affectedBy}, which runs for every quote and stays small.
     */
    private void collectCrossed(SymbolTriggers triggers) {
        stamp++;
        crossedCount = 0;
        popWhile(triggers.bidFalls, -triggers.bidFloor);
        popWhile(triggers.bidRises, triggers.bidCeil);
        popWhile(triggers.askRises, triggers.askCeil);
        popWhile(triggers.askFalls, -triggers.askFloor);
        // Placed only once every queue is popped: a trigger with no room sits at the current price.
        for (int i = 0; i < crossedCount; i++) {
            int slot = crossed[i];
            if (!rearmIfQuiet(slot, plans[slot])) {
                fired.add(accounts[slot]);
                counts.revaluations++;
            }
        }
    }

    /** What the router did so far (for benchmarks). */
    public Counts.Snapshot counts() {
        return counts.snapshot();
    }

    // ---- crossing -------------------------------------------------------------------------------

    private void popWhile(TriggerQueue queue, long limit) {
        popWhile(queue.near, limit);
        popWhile(queue.far, limit);
        queue.refreshTop();
    }

    /** Pops every entry with a key at or below {@code limit}, collecting the live ones' slots once. */
    private void popWhile(TriggerHeap heap, long limit) {
        while (heap.topKey() <= limit && !heap.isEmpty()) {
            int slot = heap.topSlot();
            boolean live = heap.topVersion() == versions[slot];
            heap.pop();
            counts.pops++;
            if (!live) {
                counts.stalePops++;
            } else if (plans[slot].stamp != stamp) {
                plans[slot].stamp = stamp;
                plans[slot].armed = false;
                if (crossedCount == crossed.length) {
                    crossed = Arrays.copyOf(crossed, crossedCount * 2);
                }
                crossed[crossedCount++] = slot;
            }
        }
    }

    /**
     * The exact check of an account whose trigger was crossed: when its equity, valued in long
     * arithmetic, is still strictly inside its quiet band, no rule can act (as for an account whose
     * triggers no quote crossed), so its triggers are only placed anew from that equity. Returns
     * false when the account must be revalued: out of its band, or not valued exactly in longs.
     */
    private boolean rearmIfQuiet(int slot, TriggerPlan plan) {
        long equity = plan.equity(symbols);
        if (equity == ExactPnl.UNKNOWN || equity <= plan.lower || equity >= plan.upper) {
            return false;
        }
        versions[slot]++;
        counts.rearms++;
        place(slot, plan, equity);
        return true;
    }

    // ---- placing --------------------------------------------------------------------------------

    /**
     * Places the slot's triggers for an equity: each holding gets its share of the room to either
     * edge. An equity outside its band (above a target that consistency blocks, say) has no room
     * either way: a rule may act on any move, so any quote of a held symbol fires.
     */
    private void place(int slot, TriggerPlan plan, long equity) {
        int version = versions[slot];
        plan.armed = true;
        boolean outside = equity <= plan.lower || equity >= plan.upper;
        long[] weights = weigh(plan);
        long totalWeight = weights[plan.holdings];
        for (int h = 0; h < plan.holdings; h++) {
            long fallShare = outside ? 0 : plan.lower == Long.MIN_VALUE ? Long.MAX_VALUE
                    : share(equity - plan.lower, weights[h], totalWeight);
            long riseShare = outside ? 0 : plan.upper == Long.MAX_VALUE ? Long.MAX_VALUE
                    : share(plan.upper - equity, weights[h], totalWeight);
            placeTriggers(plan, h, fallShare, riseShare, slot, version);
        }
    }

    /**
     * Weighs each holding by how far its P&L wanders: its notional times its symbol's volatility as
     * seen so far, in millionths of the total (the total last). Sharing the room so puts every
     * holding's trigger about as many typical moves away, which keeps an account quiet longest; a
     * symbol that has not moved yet counts as moving like the others. Weights only ever place
     * triggers: any split whose shares add up to at most the room is safe.
     */
    private long[] weigh(TriggerPlan plan) {
        if (weights == null || weights.length <= plan.holdings) {
            weights = new long[plan.holdings + 1];
            risks = new double[plan.holdings];
        }
        double volatilitySum = 0;
        int moved = 0;
        for (int h = 0; h < plan.holdings; h++) {
            double volatility = symbols[plan.symbolIndex(h)].volatility(quotesRouted);
            risks[h] = volatility;
            volatilitySum += volatility;
            moved += volatility > 0 ? 1 : 0;
        }
        double typical = moved > 0 ? volatilitySum / moved : 1;
        double total = 0;
        for (int h = 0; h < plan.holdings; h++) {
            risks[h] = plan.notional(h) * (risks[h] > 0 ? risks[h] : typical);
            total += risks[h];
        }
        long sum = 0;
        for (int h = 0; h < plan.holdings; h++) {
            weights[h] = Math.max(1, (long) (risks[h] / total * 1_000_000));
            sum += weights[h];
        }
        weights[plan.holdings] = sum;
        return weights;
    }

    /** A holding's share of a room in cents, rounded down, capped where long arithmetic stays exact. */
    private static long share(long roomCents, long weight, long totalWeight) {
        long room = Math.min(roomCents, MAX_ROOM_CENTS);
        return Math.floorDiv(room * weight, totalWeight);
    }

    /**
     * Places the account's triggers in one symbol. The symbol's P&L is linear in its prices:
     * {@code contract × (buyLots × Δbid − sellLots × Δask)}; a fall of its exact P&L by
     * {@code fall} cents (split between bid and ask when both sides are held) or a rise by
     * {@code rise} cents fires.
     */
    private void placeTriggers(TriggerPlan plan, int h, long fallShare, long riseShare, int slot, int version) {
        SymbolTriggers triggers = symbols[plan.symbolIndex(h)];
        boolean buys = plan.centsPerUnit(h, true) != TriggerPlan.NONE;
        boolean sells = plan.centsPerUnit(h, false) != TriggerPlan.NONE;
        int sides = buys && sells ? 2 : 1;
        long positions = plan.positions(h);
        long fall = fallShare == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(fallShare - positions, sides);
        long rise = riseShare == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(riseShare - positions, sides);
        long near = triggers.nearWidth();
        if (buys) {
            if (fall != Long.MAX_VALUE) {
                long move = priceMoveKey(fall, plan, h, true);
                triggers.bidFalls.push(move - triggers.bidCeil, move, near, slot, version);
                counts.pushes++;
            }
            if (rise != Long.MAX_VALUE) {
                long move = priceMoveKey(rise, plan, h, true);
                triggers.bidRises.push(triggers.bidFloor + move, move, near, slot, version);
                counts.pushes++;
            }
        }
        if (sells) {
            if (fall != Long.MAX_VALUE) {
                long move = priceMoveKey(fall, plan, h, false);
                triggers.askRises.push(triggers.askFloor + move, move, near, slot, version);
                counts.pushes++;
            }
            if (rise != Long.MAX_VALUE) {
                long move = priceMoveKey(rise, plan, h, false);
                triggers.askFalls.push(move - triggers.askCeil, move, near, slot, version);
                counts.pushes++;
            }
        }
        triggers.sweepIfDoubled(versions);
    }

    /**
     * The price move (in key units, rounded toward zero: never more than the exact move) that
     * changes the bought (or sold) lots' P&L by {@code cents} (at most {@link #MAX_ROOM_CENTS}).
     * No room (or less than none) gives a trigger at or just behind the current price: P&L rounded
     * to cents is monotone in each price, so only a move against the account can cross the band.
     */
    private static long priceMoveKey(long cents, TriggerPlan plan, int h, boolean buy) {
        if (cents <= 0) {
            return cents == 0 ? 0 : -1;
        }
        long centsPerUnit = plan.centsPerUnit(h, buy);
        if (centsPerUnit != TriggerPlan.FRACTIONAL) {
            return Math.min(MAX_MOVE, cents * NANOS_PER_UNIT / centsPerUnit);
        }
        return BigDecimal.valueOf(cents).movePointRight(PriceKeys.KEY_SCALE)
                .divide(plan.fractionalCentsPerUnit(h, buy), 0, RoundingMode.DOWN)
                .min(BigDecimal.valueOf(MAX_MOVE)).longValue();
    }

    // ---- slots and symbols ----------------------------------------------------------------------

    private SymbolTriggers triggers(String symbol) {
        SymbolTriggers triggers = bySymbol.get(symbol);
        if (triggers == null) {
            triggers = new SymbolTriggers(symbol, bySymbol.size());
            bySymbol.put(symbol, triggers);
            if (triggers.index == symbols.length) {
                symbols = Arrays.copyOf(symbols, symbols.length * 2);
            }
            symbols[triggers.index] = triggers;
        }
        return triggers;
    }

    private void joinAlwaysSets(Account account, int slot) {
        Set<String> dependencies = account.quoteDependencies();
        SymbolTriggers[] joined = new SymbolTriggers[dependencies.size()];
        int i = 0;
        for (String symbol : dependencies) {
            joined[i] = triggers(symbol);
            joined[i++].always.add(account);
        }
        alwaysIn[slot] = joined;
    }

    private void leaveAlwaysSets(int slot) {
        SymbolTriggers[] joined = alwaysIn[slot];
        if (joined != null) {
            for (SymbolTriggers triggers : joined) {
                triggers.always.remove(accounts[slot]);
            }
            alwaysIn[slot] = null;
        }
    }

    private int slotFor(Account account) {
        Integer slot = slotOf.get(account);
        if (slot != null) {
            return slot;
        }
        int fresh = freeSlots.isEmpty() ? slotCount++ : freeSlots.removeLast();
        if (fresh == accounts.length) {
            int size = fresh * 2;
            accounts = Arrays.copyOf(accounts, size);
            versions = Arrays.copyOf(versions, size);
            plans = Arrays.copyOf(plans, size);
            alwaysIn = Arrays.copyOf(alwaysIn, size);
        }
        accounts[fresh] = account;
        slotOf.put(account, fresh);
        return fresh;
    }

    private void release(Account account, int slot) {
        slotOf.remove(account);
        accounts[slot] = null;
        plans[slot] = null;
        freeSlots.add(slot);
    }
}
