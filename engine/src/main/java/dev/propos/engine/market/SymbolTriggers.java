package dev.propos.engine.market;

import dev.propos.engine.account.Account;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * The triggers of one symbol, and its latest quote as keys. The falls' queues hold negated keys,
 * so that every queue pops its least key first.
 *
 * <p>The router keys every quote of the symbol as it routes it ({@link #keyQuote}), so that
 * between events the keys are those of the market's latest quote: the exact valuation of an
 * account reads every symbol it holds from here.
 */
final class SymbolTriggers implements Serializable {

    /** A trigger within 1/2^NEAR_SHIFT of the price (about 0.4%) when placed goes to the near heaps. */
    private static final int NEAR_SHIFT = 8;

    final String symbol;
    /** The symbol's index in the router (plans refer to symbols by it). */
    final int index;
    final TriggerQueue bidFalls = new TriggerQueue();
    final TriggerQueue bidRises = new TriggerQueue();
    final TriggerQueue askRises = new TriggerQueue();
    final TriggerQueue askFalls = new TriggerQueue();
    /** Accounts revalued on every quote of the symbol (valuations that are not linear in its prices). */
    final Set<Account> always = new HashSet<>();
    /** The quote the keys below were computed from. */
    private Market.Quote keyed;
    long bidFloor;
    long bidCeil;
    long askFloor;
    long askCeil;
    /** The sum over the symbol's quotes of the squared move of its bid in key units (for weighing only). */
    private double squaredMoves;

    SymbolTriggers(String symbol, int index) {
        this.symbol = symbol;
        this.index = index;
    }

    /** The quote's prices as keys (computed once per quote: kept lean, it runs for every quote). */
    void keyQuote(Market.Quote quote) {
        if (quote != keyed) {
            boolean first = keyed == null;
            long previousBid = bidFloor;
            keyed = quote;
            // The market keyed an exact price already; only others are rounded, each way.
            long bid = quote.bidKey();
            long ask = quote.askKey();
            bidFloor = bid != PriceKeys.NOT_EXACT ? bid : PriceKeys.floorKey(quote.bid());
            bidCeil = bid != PriceKeys.NOT_EXACT ? bid : PriceKeys.ceilKey(quote.bid());
            askFloor = ask != PriceKeys.NOT_EXACT ? ask : PriceKeys.floorKey(quote.ask());
            askCeil = ask != PriceKeys.NOT_EXACT ? ask : PriceKeys.ceilKey(quote.ask());
            if (!first) {
                double move = bidFloor - previousBid;
                squaredMoves += move * move;
            }
        }
    }

    /** Whether the bid (or the ask) is an exact key (at most 9 decimals). */
    boolean exact(boolean bid) {
        return bid ? PriceKeys.isExact(bidFloor, bidCeil) : PriceKeys.isExact(askFloor, askCeil);
    }

    /** The distance from the price, in key units, within which a trigger is near (at least 1). */
    long nearWidth() {
        return Math.max(1, Math.abs(bidFloor) >> NEAR_SHIFT);
    }

    /** Whether the latest quote crosses a trigger (or a stale entry) at the top of any queue. */
    boolean crossed() {
        return bidFalls.topKey() <= -bidFloor || bidRises.topKey() <= bidCeil
                || askRises.topKey() <= askCeil || askFalls.topKey() <= -askFloor;
    }

    /**
     * How far the symbol's price wanders, relative to its price now, per quote routed (of any
     * symbol): the standard deviation of its move per quote, as seen so far; 0 before any move.
     */
    double volatility(long quotesRouted) {
        return quotesRouted == 0 || bidFloor == 0 ? 0 : Math.sqrt(squaredMoves / quotesRouted) / Math.abs(bidFloor);
    }

    void sweepIfDoubled(int[] versions) {
        bidFalls.sweepIfDoubled(versions);
        bidRises.sweepIfDoubled(versions);
        askRises.sweepIfDoubled(versions);
        askFalls.sweepIfDoubled(versions);
    }
}
