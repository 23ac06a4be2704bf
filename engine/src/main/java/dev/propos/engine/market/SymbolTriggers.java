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
    /** Whether the bid and the ask are exact keys (at most 9 decimals). */
    boolean bidExact;
    boolean askExact;
    /** The distance from the price, in key units, within which a trigger is near (at least 1). */
    long nearWidth;
    /** The sum over the symbol's quotes of the squared relative move of its bid (for weighing only). */
    private double squaredMoves;

    SymbolTriggers(String symbol, int index) {
        this.symbol = symbol;
        this.index = index;
    }

    /** The quote's prices as keys (computed once per quote). */
    void keyQuote(Market.Quote quote) {
        if (quote != keyed) {
            long previousBid = bidFloor;
            boolean first = keyed == null;
            keyed = quote;
            bidFloor = PriceKeys.floorKey(quote.bid());
            if (!first && previousBid != 0) {
                double move = (double) (bidFloor - previousBid) / Math.abs(previousBid);
                squaredMoves += move * move;
            }
            bidCeil = quote.bid().scale() <= PriceKeys.KEY_SCALE ? bidFloor : PriceKeys.ceilKey(quote.bid());
            askFloor = PriceKeys.floorKey(quote.ask());
            askCeil = quote.ask().scale() <= PriceKeys.KEY_SCALE ? askFloor : PriceKeys.ceilKey(quote.ask());
            bidExact = PriceKeys.isExact(bidFloor, bidCeil);
            askExact = PriceKeys.isExact(askFloor, askCeil);
            nearWidth = Math.max(1, Math.max(Math.abs(bidFloor), Math.abs(askFloor)) >> NEAR_SHIFT);
        }
    }

    /**
     * How far the symbol's price wanders, relative to itself, per quote routed (of any symbol): the
     * standard deviation of its relative move per quote, as seen so far; 0 before any move.
     */
    double volatility(long quotesRouted) {
        return quotesRouted == 0 ? 0 : Math.sqrt(squaredMoves / quotesRouted);
    }

    void sweepIfDoubled(int[] versions) {
        bidFalls.sweepIfDoubled(versions);
        bidRises.sweepIfDoubled(versions);
        askRises.sweepIfDoubled(versions);
        askFalls.sweepIfDoubled(versions);
    }
}
