package dev.propos.engine.market;

import dev.propos.engine.account.Account;
import dev.propos.engine.account.Account.OpenPosition;
import dev.propos.engine.event.Side;
import dev.propos.engine.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hot path's quote router. Each account gets trigger prices per symbol it holds: the bid or
 * ask at which, if nothing else moved, its equity could leave the band in which no rule can act
 * (reach a floor, or make a new high or the target). The band's room is shared equally among
 * the account's symbols, less a margin for rounding each position to cents, so that no
 * combination of moves that crosses no trigger can leave the band. A quote then pops only the
 * triggers it crosses, from four heaps per symbol, and costs O(1) when it crosses none.
 *
 * <p>Accounts whose valuation is not linear in the symbol's own prices (a profit currency other
 * than the account's, or a symbol with no quote yet) are revalued on every quote of the symbols
 * they depend on.
 */
public final class TriggerRouter implements QuoteRouter {

    private static final int KEY_SCALE = 9;
    private static final long KEY_LIMIT = 1L << 62;
    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal HALF_CENT = new BigDecimal("0.5");
    private static final Comparator<Account> ACCOUNT_ORDER = Comparator.comparing(Account::id);

    private final Market market;
    private final Map<String, SymbolTriggers> bySymbol = new HashMap<>();
    private final Map<Account, Integer> slotOf = new HashMap<>();
    private final List<Integer> freeSlots = new ArrayList<>();
    private Account[] accounts = new Account[256];
    private int[] versions = new int[256];
    private int[] firedStamps = new int[256];
    private String[][] registeredSymbols = new String[256][];
    private int slotCount;
    private int stamp;

    /** The triggers of one symbol. Max-heaps hold negated keys. */
    private static final class SymbolTriggers {
        final TriggerHeap bidFalls = new TriggerHeap();
        final TriggerHeap bidRises = new TriggerHeap();
        final TriggerHeap askRises = new TriggerHeap();
        final TriggerHeap askFalls = new TriggerHeap();
        final Set<Account> always = new HashSet<>();
        int liveSlots;
    }

    /** An account's positions in one symbol, valued at the latest quote. */
    private static final class Holding {
        BigDecimal buyLots = BigDecimal.ZERO;
        BigDecimal sellLots = BigDecimal.ZERO;
        BigDecimal exactCents = BigDecimal.ZERO;
        long roundedCents;
        int positions;
    }

    public TriggerRouter(Market market) {
        this.market = market;
    }

    @Override
    public void update(Account account) {
        int slot = slotFor(account);
        versions[slot]++;
        unregister(slot);
        if (account.isFinished() || account.quoteDependencies().isEmpty()) {
            release(account, slot);
            return;
        }
        Map<String, Holding> holdings = valueHoldings(account);
        if (holdings == null) {
            Set<String> dependencies = account.quoteDependencies();
            for (String symbol : dependencies) {
                triggers(symbol).always.add(account);
            }
            registeredSymbols[slot] = dependencies.toArray(String[]::new);
            return;
        }
        long equity = account.balanceCents();
        for (Holding holding : holdings.values()) {
            equity += holding.roundedCents;
        }
        long[] band = account.quietEquityBand();
        BigDecimal shares = BigDecimal.valueOf(holdings.size());
        BigDecimal fallRoom = band[0] == Long.MIN_VALUE ? null
                : BigDecimal.valueOf(equity - band[0]).divide(shares, PRECISION);
        BigDecimal riseRoom = band[1] == Long.MAX_VALUE ? null
                : BigDecimal.valueOf(band[1] - equity).divide(shares, PRECISION);
        String[] symbols = new String[holdings.size()];
        int i = 0;
        for (Map.Entry<String, Holding> entry : holdings.entrySet()) {
            symbols[i++] = entry.getKey();
            SymbolTriggers triggers = triggers(entry.getKey());
            triggers.liveSlots++;
            placeTriggers(triggers, entry.getKey(), entry.getValue(), fallRoom, riseRoom, slot);
        }
        registeredSymbols[slot] = symbols;
    }

    /** Groups the positions by symbol and values them; null when some cannot be valued linearly. */
    private Map<String, Holding> valueHoldings(Account account) {
        Map<String, Holding> holdings = new LinkedHashMap<>();
        for (OpenPosition position : account.openPositionViews()) {
            String symbol = position.symbol().name();
            BigDecimal price = market.exitPrice(symbol, position.side());
            if (price == null || !position.symbol().profitCurrency().equals(account.currency())) {
                return null;
            }
            Holding holding = holdings.computeIfAbsent(symbol, s -> new Holding());
            BigDecimal exact = Market.profit(position.symbol(), position.side(), position.lots(),
                    position.openPrice(), price).movePointRight(2);
            holding.exactCents = holding.exactCents.add(exact);
            holding.roundedCents += Money.toCents(exact.movePointLeft(2));
            holding.positions++;
            if (position.side() == Side.BUY) {
                holding.buyLots = holding.buyLots.add(position.lots());
            } else {
                holding.sellLots = holding.sellLots.add(position.lots());
            }
        }
        return holdings;
    }

    private void placeTriggers(SymbolTriggers triggers, String symbol, Holding holding, BigDecimal fallRoom,
                               BigDecimal riseRoom, int slot) {
        Market.Quote quote = market.quote(symbol);
        BigDecimal contract = market.spec(symbol).contractSize().movePointRight(2);
        BigDecimal margin = HALF_CENT.multiply(BigDecimal.valueOf(holding.positions));
        BigDecimal roundingGain = BigDecimal.valueOf(holding.roundedCents).subtract(holding.exactCents);
        BigDecimal sides = BigDecimal.valueOf(holding.buyLots.signum() > 0 && holding.sellLots.signum() > 0 ? 2 : 1);
        int version = versions[slot];
        // Falls and rises of the symbol's exact P&L (in cents) that keep its rounded P&L inside its share.
        BigDecimal fall = fallRoom == null ? null : fallRoom.subtract(margin).subtract(roundingGain).divide(sides, PRECISION);
        BigDecimal rise = riseRoom == null ? null : riseRoom.subtract(margin).add(roundingGain).divide(sides, PRECISION);
        if (holding.buyLots.signum() > 0) {
            BigDecimal perUnit = contract.multiply(holding.buyLots);
            if (fall != null) {
                BigDecimal low = quote.bid().subtract(fall.divide(perUnit, PRECISION));
                triggers.bidFalls.push(-(ceilKey(low) + 1), slot, version);
            }
            if (rise != null) {
                BigDecimal high = quote.bid().add(rise.divide(perUnit, PRECISION));
                triggers.bidRises.push(floorKey(high) - 1, slot, version);
            }
        }
        if (holding.sellLots.signum() > 0) {
            BigDecimal perUnit = contract.multiply(holding.sellLots);
            if (fall != null) {
                BigDecimal high = quote.ask().add(fall.divide(perUnit, PRECISION));
                triggers.askRises.push(floorKey(high) - 1, slot, version);
            }
            if (rise != null) {
                BigDecimal low = quote.ask().subtract(rise.divide(perUnit, PRECISION));
                triggers.askFalls.push(-(ceilKey(low) + 1), slot, version);
            }
        }
        sweepIfStale(triggers);
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

    @Override
    public List<Account> affectedBy(String symbol) {
        SymbolTriggers triggers = bySymbol.get(symbol);
        if (triggers == null) {
            return List.of();
        }
        Market.Quote quote = market.quote(symbol);
        long bidFloor = floorKey(quote.bid());
        long bidCeil = ceilKey(quote.bid());
        long askFloor = floorKey(quote.ask());
        long askCeil = ceilKey(quote.ask());
        stamp++;
        List<Account> fired = new ArrayList<>(triggers.always);
        for (Account account : fired) {
            firedStamps[slotOf.get(account)] = stamp;
        }
        popWhile(triggers.bidFalls, -bidFloor, fired);
        popWhile(triggers.bidRises, bidCeil, fired);
        popWhile(triggers.askRises, askCeil, fired);
        popWhile(triggers.askFalls, -askFloor, fired);
        if (fired.size() > 1) {
            fired.sort(ACCOUNT_ORDER);
        }
        return fired;
    }

    /** Pops every entry with a key at or below {@code limit}, collecting the live ones' accounts once. */
    private void popWhile(TriggerHeap heap, long limit, List<Account> fired) {
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
        int limit = 64 + 4 * triggers.liveSlots;
        for (TriggerHeap heap : List.of(triggers.bidFalls, triggers.bidRises, triggers.askRises, triggers.askFalls)) {
            if (heap.size() > limit) {
                heap.sweep(versions);
            }
        }
    }

    private SymbolTriggers triggers(String symbol) {
        return bySymbol.computeIfAbsent(symbol, s -> new SymbolTriggers());
    }

    private void unregister(int slot) {
        String[] symbols = registeredSymbols[slot];
        if (symbols == null) {
            return;
        }
        Account account = accounts[slot];
        for (String symbol : symbols) {
            SymbolTriggers triggers = bySymbol.get(symbol);
            if (!triggers.always.remove(account)) {
                triggers.liveSlots--;
            }
        }
        registeredSymbols[slot] = null;
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
            registeredSymbols = Arrays.copyOf(registeredSymbols, size);
        }
        accounts[fresh] = account;
        slotOf.put(account, fresh);
        return fresh;
    }

    private void release(Account account, int slot) {
        slotOf.remove(account);
        accounts[slot] = null;
        freeSlots.add(slot);
    }

    private static long floorKey(BigDecimal price) {
        return key(price, RoundingMode.FLOOR);
    }

    private static long ceilKey(BigDecimal price) {
        return key(price, RoundingMode.CEILING);
    }

    /**
     * A price as a count of 1e-9 units, rounded in the given direction (clamped far beyond any
     * real price). Trigger keys are moved one unit further, for the rounding of their division.
     */
    private static long key(BigDecimal price, RoundingMode direction) {
        BigDecimal scaled = price.setScale(KEY_SCALE, direction).movePointRight(KEY_SCALE);
        if (scaled.abs().compareTo(BigDecimal.valueOf(KEY_LIMIT)) >= 0) {
            return scaled.signum() > 0 ? KEY_LIMIT : -KEY_LIMIT;
        }
        return scaled.longValue();
    }
}
