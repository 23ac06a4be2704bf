package dev.propos.engine.market;

import dev.propos.engine.account.Account;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.event.Side;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the router keeps of an account to place its triggers and to value it exactly: its open
 * positions, and the same grouped by symbol with their notionals (rebuilt only when the positions
 * change), and, as of its last update, its balance and the edges of its quiet band.
 *
 * <p>Laid out for the cache: at 100,000 accounts a re-armed account is rarely in it, so what a
 * re-arm reads sits in one array (holdings, then positions) beside a few fields, a handful of
 * cache lines rather than a graph of holdings, lists and decimals.
 */
final class TriggerPlan implements Serializable {

    /** Per holding: symbol index, notional, positions, buy and sell cents per price unit. */
    private static final int HOLDING = 5;
    /** Per position: factor, open key, symbol index << 32 | (exponent + 32) << 1 | buy. */
    private static final int POSITION = 3;
    /** Cents per price unit of a side not held, and of one whose figure is not a whole long. */
    static final long NONE = 0;
    static final long FRACTIONAL = -1;
    private static final BigDecimal MAX_NOTIONAL = BigDecimal.valueOf(1_000_000_000_000L);

    final long positionsVersion;
    final int holdings;
    /** Whether every position is valued exactly in longs (see {@link #equity}). */
    private final boolean exact;
    private final long[] data;
    /** Cents per price unit that are not whole longs, by holding ([2h] buy, [2h + 1] sell); null when none. */
    private final BigDecimal[] fractional;

    /** As of the account's last update (only the account's own changes move them, and each updates it). */
    long balance;
    long lower;
    long upper;
    /** The last quote that collected the account (a quote collects it once). */
    long stamp;
    /** Whether every trigger placed for the account's current version is still queued (none crossed). */
    boolean armed;

    private TriggerPlan(long positionsVersion, int holdings, boolean exact, long[] data, BigDecimal[] fractional) {
        this.positionsVersion = positionsVersion;
        this.holdings = holdings;
        this.exact = exact;
        this.data = data;
        this.fractional = fractional;
    }

    /** An account's positions in one symbol, while a plan is built. */
    private static final class Holding {
        final SymbolSpec symbol;
        final SymbolTriggers triggers;
        BigDecimal buyLots = BigDecimal.ZERO;
        BigDecimal sellLots = BigDecimal.ZERO;
        int positions;

        Holding(SymbolSpec symbol, SymbolTriggers triggers) {
            this.symbol = symbol;
            this.triggers = triggers;
        }
    }

    /**
     * The plan of an account's open positions; null when its valuation is not linear in the
     * symbols' own prices (a profit currency other than the account's, or a symbol with no quote).
     */
    static TriggerPlan of(Account account, Market market, Function<String, SymbolTriggers> triggersOf) {
        List<Holding> holdings = new ArrayList<>(4);
        long[] positions = new long[POSITION * account.openPositionCount()];
        boolean[] linear = {true};
        boolean[] exact = {true};
        int[] count = {0};
        String currency = account.currency();
        account.forEachOpenPosition((symbol, side, lots, openPrice) -> {
            Market.Quote quote = market.quote(symbol.name());
            if (!symbol.profitCurrency().equals(currency) || quote == null) {
                linear[0] = false;
                return;
            }
            Holding holding = holdingOf(holdings, symbol, triggersOf);
            holding.triggers.keyQuote(quote);
            holding.positions++;
            if (side == Side.BUY) {
                holding.buyLots = holding.buyLots.add(lots);
            } else {
                holding.sellLots = holding.sellLots.add(lots);
            }
            long factor = ExactPnl.factor(symbol.contractSize(), lots);
            int exponent = ExactPnl.exponent(symbol.contractSize(), lots);
            long openKey = PriceKeys.exactKey(openPrice);
            if (factor == ExactPnl.UNKNOWN || exponent == Integer.MIN_VALUE || openKey == PriceKeys.NOT_EXACT) {
                exact[0] = false;
                return;
            }
            int p = POSITION * count[0]++;
            positions[p] = side == Side.BUY ? factor : -factor;
            positions[p + 1] = openKey;
            positions[p + 2] = (long) holding.triggers.index << 32 | (long) (exponent + 32) << 1
                    | (side == Side.BUY ? 1 : 0);
        });
        if (!linear[0]) {
            return null;
        }
        long[] data = new long[HOLDING * holdings.size() + positions.length];
        BigDecimal[] fractional = null;
        for (int h = 0; h < holdings.size(); h++) {
            Holding holding = holdings.get(h);
            BigDecimal centsPerUnit = holding.symbol.contractSize().movePointRight(2);
            BigDecimal[] sides = {centsPerUnit.multiply(holding.buyLots).stripTrailingZeros(),
                centsPerUnit.multiply(holding.sellLots).stripTrailingZeros()};
            int d = HOLDING * h;
            data[d] = holding.triggers.index;
            data[d + 1] = notional(holding, market);
            data[d + 2] = holding.positions;
            for (int s = 0; s < 2; s++) {
                BigDecimal side = sides[s];
                boolean whole = side.scale() <= 0 && side.precision() - side.scale() <= 18; // at most 18 digits
                data[d + 3 + s] = side.signum() == 0 ? NONE : whole ? side.longValueExact() : FRACTIONAL;
                if (side.signum() != 0 && !whole) {
                    fractional = fractional == null ? new BigDecimal[2 * holdings.size()] : fractional;
                    fractional[2 * h + s] = side;
                }
            }
        }
        System.arraycopy(positions, 0, data, HOLDING * holdings.size(), positions.length);
        return new TriggerPlan(account.positionsVersion(), holdings.size(), exact[0], data, fractional);
    }

    private static Holding holdingOf(List<Holding> holdings, SymbolSpec symbol,
                                     Function<String, SymbolTriggers> triggersOf) {
        for (Holding holding : holdings) {
            if (holding.symbol == symbol) {
                return holding;
            }
        }
        Holding holding = new Holding(symbol, triggersOf.apply(symbol.name()));
        holdings.add(holding);
        return holding;
    }

    /** The holding's notional (contract × lots × price), at least 1, capped far beyond any real one. */
    private static long notional(Holding holding, Market market) {
        BigDecimal notional = holding.symbol.contractSize().multiply(holding.buyLots.add(holding.sellLots))
                .multiply(market.quote(holding.symbol.name()).bid().abs());
        return Math.max(1, notional.min(MAX_NOTIONAL).longValue());
    }

    // ---- holdings -------------------------------------------------------------------------------

    int symbolIndex(int holding) {
        return (int) data[HOLDING * holding];
    }

    long notional(int holding) {
        return data[HOLDING * holding + 1];
    }

    /** Open positions in the holding: a cent each for their rounding. */
    long positions(int holding) {
        return data[HOLDING * holding + 2];
    }

    /** The bought (or sold) lots' P&L in cents per unit of price: {@link #NONE}, {@link #FRACTIONAL} or whole. */
    long centsPerUnit(int holding, boolean buy) {
        return data[HOLDING * holding + (buy ? 3 : 4)];
    }

    /** A {@link #FRACTIONAL} figure in full. */
    BigDecimal fractionalCentsPerUnit(int holding, boolean buy) {
        return fractional[2 * holding + (buy ? 0 : 1)];
    }

    // ---- valuation ------------------------------------------------------------------------------

    /**
     * The account's equity at the symbols' latest keys, in cents, exactly as the account values it;
     * {@link ExactPnl#UNKNOWN} when that cannot be done in longs (a position or a price with more
     * than 9 decimals, a product beyond a long).
     */
    long equity(SymbolTriggers[] symbols) {
        if (!exact) {
            return ExactPnl.UNKNOWN;
        }
        long total = balance;
        for (int p = HOLDING * holdings; p < data.length; p += POSITION) {
            long meta = data[p + 2];
            SymbolTriggers symbol = symbols[(int) (meta >>> 32)];
            boolean buy = (meta & 1) != 0;
            if (!symbol.exact(buy)) {
                return ExactPnl.UNKNOWN;
            }
            long cents = ExactPnl.cents(data[p], (buy ? symbol.bidFloor : symbol.askFloor) - data[p + 1],
                    (((int) meta) >>> 1) - 32);
            long sum = total + cents;
            if (cents == ExactPnl.UNKNOWN || ((total ^ sum) & (cents ^ sum)) < 0) {
                return ExactPnl.UNKNOWN;
            }
            total = sum;
        }
        return total;
    }
}
