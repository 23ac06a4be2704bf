package dev.propos.engine.market;

import dev.propos.engine.account.Account;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.event.Side;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hot path's quote router. Each account gets trigger prices per symbol it holds: the bid or
 * ask at which, if nothing else moved, its equity could leave the band in which no rule can act
 * (reach a floor, or make a new high or the target). The band's room is shared equally among
 * the account's symbols, less a cent per position for the rounding of each position to cents
 * (half a cent now, half a cent then), so that no combination of moves that crosses no trigger
 * can leave the band. A quote then pops only the triggers it crosses, from four heaps per
 * symbol, and costs O(1) when it crosses none; a crossed trigger has the account revalued
 * exactly, and its triggers placed anew.
 *
 * <p>Trigger prices are keys in units of 1e-9, rounded so that a trigger never fires late (it may
 * fire early: the exact revaluation decides). Accounts whose valuation is not linear in the
 * symbol's own prices (a profit currency other than the account's, or a symbol with no quote yet)
 * are revalued on every quote of the symbols they depend on.
 */
public final class TriggerRouter implements QuoteRouter {

    private static final int KEY_SCALE = 9;
    private static final long NANOS_PER_UNIT = 1_000_000_000L;
    /** Room beyond which long arithmetic could overflow: capping it only makes triggers fire sooner. */
    private static final long MAX_ROOM_CENTS = 9_000_000_000L;
    private static final long KEY_LIMIT = 1L << 62;
    private static final BigDecimal MAX_NOTIONAL = BigDecimal.valueOf(1_000_000_000_000L);
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L, 1_000_000_000L};
    private static final Comparator<Account> ACCOUNT_ORDER = Comparator.comparing(Account::id);

    private final Market market;
    private final Map<String, SymbolTriggers> bySymbol = new HashMap<>();
    private final Map<Account, Integer> slotOf = new HashMap<>();
    private final List<Integer> freeSlots = new ArrayList<>();
    private final List<Account> fired = new ArrayList<>();
    private Account[] accounts = new Account[256];
    private int[] versions = new int[256];
    private int[] firedStamps = new int[256];
    /** Per slot: the symbols' triggers the account is in, whether through the always-set, and its profile. */
    private SymbolTriggers[][] registeredTriggers = new SymbolTriggers[256][];
    private boolean[] revaluedAlways = new boolean[256];
    private Profile[] profiles = new Profile[256];
    private int slotCount;
    private int stamp;

    /** The triggers of one symbol. Max-heaps hold negated keys. */
    private static final class SymbolTriggers implements Serializable {
        final TriggerHeap bidFalls = new TriggerHeap();
        final TriggerHeap bidRises = new TriggerHeap();
        final TriggerHeap askRises = new TriggerHeap();
        final TriggerHeap askFalls = new TriggerHeap();
        final Set<Account> always = new HashSet<>();
        int liveSlots;
        /** The quote the keys below were computed from. */
        Market.Quote keyed;
        long bidFloor;
        long bidCeil;
        long askFloor;
        long askCeil;

        /** The latest quote's prices as keys (computed once per quote). */
        void keyQuote(Market.Quote quote) {
            if (quote != keyed) {
                keyed = quote;
                bidFloor = floorKey(quote.bid());
                bidCeil = quote.bid().scale() <= KEY_SCALE ? bidFloor : ceilKey(quote.bid());
                askFloor = floorKey(quote.ask());
                askCeil = quote.ask().scale() <= KEY_SCALE ? askFloor : ceilKey(quote.ask());
            }
        }
    }

    /** An account's positions in one symbol. */
    private static final class Holding implements Serializable {
        SymbolSpec symbol;
        SymbolTriggers triggers;
        BigDecimal buyLots = BigDecimal.ZERO;
        BigDecimal sellLots = BigDecimal.ZERO;
        /** P&L in cents per unit of price, for the bought and the sold lots (zero when none). */
        BigDecimal buyCentsPerUnit;
        BigDecimal sellCentsPerUnit;
        int positions;
        /** The holding's share of the account's room, in millionths (by notional). */
        long weight;
    }

    /**
     * What an account holds, grouped by symbol and weighed: kept between revaluations until its
     * positions change, so that a revaluation only re-derives the room and pushes the triggers.
     */
    private static final class Profile implements Serializable {
        final long positionsVersion;
        final Holding[] holdings;
        final long totalWeight;

        Profile(long positionsVersion, Holding[] holdings, long totalWeight) {
            this.positionsVersion = positionsVersion;
            this.holdings = holdings;
            this.totalWeight = totalWeight;
        }
    }

    public TriggerRouter(Market market) {
        this.market = market;
    }

    @Override
    public void update(Account account) {
        int slot = slotFor(account);
        versions[slot]++;
        unregister(slot);
        if (account.isFinished() || !account.valuedByQuotes()) {
            release(account, slot);
            return;
        }
        Profile profile = profiles[slot];
        if (profile == null || profile.positionsVersion != account.positionsVersion()) {
            profile = profile(account);
            profiles[slot] = profile;
        }
        if (profile == null) {
            Set<String> dependencies = account.quoteDependencies();
            SymbolTriggers[] registered = new SymbolTriggers[dependencies.size()];
            int i = 0;
            for (String symbol : dependencies) {
                registered[i] = triggers(symbol);
                registered[i++].always.add(account);
            }
            registeredTriggers[slot] = registered;
            revaluedAlways[slot] = true;
            return;
        }
        long equity = account.equityAtLatestQuotes();
        long[] band = account.quietEquityBand();
        SymbolTriggers[] registered = new SymbolTriggers[profile.holdings.length];
        for (int i = 0; i < profile.holdings.length; i++) {
            Holding holding = profile.holdings[i];
            registered[i] = holding.triggers;
            holding.triggers.liveSlots++;
            long fallShare = band[0] == Long.MIN_VALUE ? Long.MAX_VALUE
                    : share(equity - band[0], holding.weight, profile.totalWeight);
            long riseShare = band[1] == Long.MAX_VALUE ? Long.MAX_VALUE
                    : share(band[1] - equity, holding.weight, profile.totalWeight);
            placeTriggers(holding, fallShare, riseShare, slot);
        }
        registeredTriggers[slot] = registered;
        revaluedAlways[slot] = false;
    }

    /**
     * Groups the open positions by symbol and weighs them; null when the valuation is not linear
     * in the symbols' own prices (another profit currency, or a symbol with no quote yet).
     */
    private Profile profile(Account account) {
        List<Holding> holdings = new ArrayList<>(4);
        boolean[] linear = {true};
        String currency = account.currency();
        account.forEachOpenPosition((symbol, side, lots) -> {
            if (!symbol.profitCurrency().equals(currency) || market.quote(symbol.name()) == null) {
                linear[0] = false;
                return;
            }
            Holding holding = null;
            for (Holding candidate : holdings) {
                if (candidate.symbol == symbol) {
                    holding = candidate;
                }
            }
            if (holding == null) {
                holding = new Holding();
                holding.symbol = symbol;
                holding.triggers = triggers(symbol.name());
                holdings.add(holding);
            }
            holding.positions++;
            if (side == Side.BUY) {
                holding.buyLots = holding.buyLots.add(lots);
            } else {
                holding.sellLots = holding.sellLots.add(lots);
            }
        });
        if (!linear[0]) {
            return null;
        }
        for (Holding holding : holdings) {
            BigDecimal centsPerUnit = holding.symbol.contractSize().movePointRight(2);
            holding.buyCentsPerUnit = centsPerUnit.multiply(holding.buyLots).stripTrailingZeros();
            holding.sellCentsPerUnit = centsPerUnit.multiply(holding.sellLots).stripTrailingZeros();
        }
        return new Profile(account.positionsVersion(), holdings.toArray(Holding[]::new), weighByNotional(holdings));
    }

    /**
     * Weighs each holding by its notional (contract × lots × price), in millionths of the total:
     * sharing the room by notional puts every symbol's trigger at about the same relative price
     * move, which keeps an account quiet longest when prices move alike in relative terms. The
     * weights are fixed when the positions change; any split whose shares add up to at most the
     * room is safe. Returns the sum of the weights.
     */
    private long weighByNotional(List<Holding> holdings) {
        long total = 0;
        for (Holding holding : holdings) {
            BigDecimal notional = holding.symbol.contractSize().multiply(holding.buyLots.add(holding.sellLots))
                    .multiply(market.quote(holding.symbol.name()).bid().abs());
            holding.weight = Math.max(1, notional.min(MAX_NOTIONAL).longValue());
            total += holding.weight;
        }
        long scaled = 0;
        for (Holding holding : holdings) {
            holding.weight = Math.max(1, holding.weight * 1_000_000 / total);
            scaled += holding.weight;
        }
        return scaled;
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
    private void placeTriggers(Holding holding, long fallShare, long riseShare, int slot) {
        SymbolTriggers triggers = holding.triggers;
        triggers.keyQuote(market.quote(holding.symbol.name()));
        int sides = holding.buyLots.signum() > 0 && holding.sellLots.signum() > 0 ? 2 : 1;
        long fall = fallShare == Long.MAX_VALUE ? Long.MAX_VALUE
                : Math.floorDiv(fallShare - holding.positions, sides);
        long rise = riseShare == Long.MAX_VALUE ? Long.MAX_VALUE
                : Math.floorDiv(riseShare - holding.positions, sides);
        int version = versions[slot];
        if (holding.buyLots.signum() > 0) {
            if (fall != Long.MAX_VALUE) {
                triggers.bidFalls.push(-(triggers.bidCeil - priceMoveKey(fall, holding.buyCentsPerUnit)), slot, version);
            }
            if (rise != Long.MAX_VALUE) {
                triggers.bidRises.push(triggers.bidFloor + priceMoveKey(rise, holding.buyCentsPerUnit), slot, version);
            }
        }
        if (holding.sellLots.signum() > 0) {
            if (fall != Long.MAX_VALUE) {
                triggers.askRises.push(triggers.askFloor + priceMoveKey(fall, holding.sellCentsPerUnit), slot, version);
            }
            if (rise != Long.MAX_VALUE) {
                triggers.askFalls.push(-(triggers.askCeil - priceMoveKey(rise, holding.sellCentsPerUnit)), slot, version);
            }
        }
        sweepIfStale(triggers);
    }

    /**
     * The price move (in key units, rounded toward zero: never more than the exact move) that
     * changes the P&L by {@code cents} (at most {@link #MAX_ROOM_CENTS}) at {@code centsPerPriceUnit}.
     * No room (or less than none) gives a trigger at or just behind the current price: P&L rounded
     * to cents is monotone in each price, so only a move against the account can cross the band.
     */
    private static long priceMoveKey(long cents, BigDecimal centsPerPriceUnit) {
        if (cents <= 0) {
            return cents == 0 ? 0 : -1;
        }
        BigDecimal divisor = centsPerPriceUnit; // without trailing zeros
        if (divisor.scale() <= 0 && divisor.precision() < 18) {
            return cents * NANOS_PER_UNIT / divisor.longValueExact();
        }
        return BigDecimal.valueOf(cents).movePointRight(KEY_SCALE).divide(divisor, 0, RoundingMode.DOWN)
                .min(BigDecimal.valueOf(KEY_LIMIT)).longValue();
    }

    @Override
    public void remove(Account account) {
        Integer slot = slotOf.get(account);
        if (slot != null) {
            versions[slot]++;
            unregister(slot);
            release(account, slot);
        }
    }

    /** The accounts to revalue, in account order; the list is reused by the next call. */
    @Override
    public List<Account> affectedBy(String symbol) {
        fired.clear();
        SymbolTriggers triggers = bySymbol.get(symbol);
        if (triggers == null) {
            return fired;
        }
        triggers.keyQuote(market.quote(symbol));
        stamp++;
        for (Account account : triggers.always) {
            firedStamps[slotOf.get(account)] = stamp;
            fired.add(account);
        }
        popWhile(triggers.bidFalls, -triggers.bidFloor);
        popWhile(triggers.bidRises, triggers.bidCeil);
        popWhile(triggers.askRises, triggers.askCeil);
        popWhile(triggers.askFalls, -triggers.askFloor);
        if (fired.size() > 1) {
            fired.sort(ACCOUNT_ORDER);
        }
        return fired;
    }

    /** Pops every entry with a key at or below {@code limit}, collecting the live ones' accounts once. */
    private void popWhile(TriggerHeap heap, long limit) {
        while (!heap.isEmpty() && heap.topKey() <= limit) {
            int slot = heap.topSlot();
            boolean live = heap.topVersion() == versions[slot];
            heap.pop();
            if (live && firedStamps[slot] != stamp) {
                firedStamps[slot] = stamp;
                fired.add(accounts[slot]);
            }
        }
    }

    private void sweepIfStale(SymbolTriggers triggers) {
        int limit = 64 + 2 * triggers.liveSlots;
        sweepIfLarger(triggers.bidFalls, limit);
        sweepIfLarger(triggers.bidRises, limit);
        sweepIfLarger(triggers.askRises, limit);
        sweepIfLarger(triggers.askFalls, limit);
    }

    private void sweepIfLarger(TriggerHeap heap, int limit) {
        if (heap.size() > limit) {
            heap.sweep(versions);
        }
    }

    private SymbolTriggers triggers(String symbol) {
        return bySymbol.computeIfAbsent(symbol, s -> new SymbolTriggers());
    }

    private void unregister(int slot) {
        SymbolTriggers[] registered = registeredTriggers[slot];
        if (registered == null) {
            return;
        }
        for (SymbolTriggers triggers : registered) {
            if (revaluedAlways[slot]) {
                triggers.always.remove(accounts[slot]);
            } else {
                triggers.liveSlots--;
            }
        }
        registeredTriggers[slot] = null;
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
            firedStamps = Arrays.copyOf(firedStamps, size);
            registeredTriggers = Arrays.copyOf(registeredTriggers, size);
            revaluedAlways = Arrays.copyOf(revaluedAlways, size);
            profiles = Arrays.copyOf(profiles, size);
        }
        accounts[fresh] = account;
        slotOf.put(account, fresh);
        return fresh;
    }

    private void release(Account account, int slot) {
        slotOf.remove(account);
        accounts[slot] = null;
        profiles[slot] = null;
        freeSlots.add(slot);
    }

    private static long floorKey(BigDecimal price) {
        return key(price, RoundingMode.FLOOR);
    }

    private static long ceilKey(BigDecimal price) {
        return key(price, RoundingMode.CEILING);
    }

    /** A price as a count of 1e-9 units, rounded in the given direction, clamped far beyond any real price. */
    private static long key(BigDecimal price, RoundingMode direction) {
        int scale = price.scale();
        if (scale >= 0 && scale <= KEY_SCALE && price.precision() <= 18) {
            // The unscaled value as a long (scaleByPowerOfTen keeps it, without a BigInteger).
            long unscaled = price.scaleByPowerOfTen(scale).longValueExact();
            long factor = POWERS_OF_TEN[KEY_SCALE - scale];
            long high = Math.multiplyHigh(unscaled, factor);
            long key = unscaled * factor;
            if ((high == 0 && key >= 0) || (high == -1 && key < 0)) {
                return Math.max(-KEY_LIMIT, Math.min(KEY_LIMIT, key));
            }
        }
        BigDecimal scaled = price.setScale(KEY_SCALE, direction).scaleByPowerOfTen(KEY_SCALE);
        if (scaled.precision() > 18) {
            return scaled.signum() > 0 ? KEY_LIMIT : -KEY_LIMIT;
        }
        return Math.max(-KEY_LIMIT, Math.min(KEY_LIMIT, scaled.longValueExact()));
    }
}
