package dev.propos.engine.account;

import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.event.Side;
import dev.propos.engine.market.ExactPnl;
import dev.propos.engine.market.PriceKeys;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** An open position of an account, or one that PropOS closed and the platform has still to settle. */
final class Position implements Serializable {

    final String id;
    /** The order in which the account opened it. */
    final long sequence;
    final SymbolSpec symbol;
    final Side side;
    final BigDecimal openPrice;
    final Instant openTime;
    /** The account's balance just before the open (before its commission): the base of max risk. */
    final long balanceAtOpenCents;

    /** The lots opened; {@link #lots} is what is still open (set through {@link #setLots}). */
    final BigDecimal openedLots;
    BigDecimal lots;
    /**
     * The floating P&L in long arithmetic ({@link ExactPnl}): the open price's exact key, and the
     * open lots' signed factor and exponent; the factor is {@link ExactPnl#UNKNOWN} when the lots,
     * the contract or the open price do not allow it.
     */
    final long openKey;
    long pnlFactor;
    int pnlExponent;
    BigDecimal sl;
    BigDecimal tp;
    /** The stop loss farthest on the losing side ever set, or null. */
    BigDecimal farthestSl;
    /** Σ profit + commission + swap of the closes (settlements included). */
    long realizedCents;

    /** Keep-percent of an {@code exclude_profit} violation, or null when none applies. */
    BigDecimal excludeKeepPercent;
    long excludedCents;

    /** Rule entries (by index) that already judged this position: news and stop loss judge it once. */
    private long violatedRules;

    /** Lots PropOS closed and the platform has not yet settled (zero when none). */
    BigDecimal unsettledLots = BigDecimal.ZERO;
    /** What PropOS realized for the lots it closed and that is not yet matched by a settlement. */
    long unsettledResultCents;
    /** All the lots PropOS closed, and what it realized for them: the base of a partial settlement's share. */
    BigDecimal proposLots = BigDecimal.ZERO;
    long proposResultCents;

    Position(String id, long sequence, SymbolSpec symbol, Side side, BigDecimal lots, BigDecimal openPrice,
             Instant openTime, BigDecimal sl, BigDecimal tp, long balanceAtOpenCents) {
        this.id = id;
        this.sequence = sequence;
        this.symbol = symbol;
        this.side = side;
        this.openedLots = lots;
        this.openPrice = openPrice;
        this.openKey = PriceKeys.exactKey(openPrice);
        setLots(lots);
        this.openTime = openTime;
        this.sl = sl;
        this.tp = tp;
        this.balanceAtOpenCents = balanceAtOpenCents;
        noteStopLoss(sl);
    }

    /** The lots still open; the P&L factor follows them. */
    void setLots(BigDecimal lots) {
        this.lots = lots;
        long factor = ExactPnl.factor(symbol.contractSize(), lots);
        pnlExponent = ExactPnl.exponent(symbol.contractSize(), lots);
        pnlFactor = factor == ExactPnl.UNKNOWN || pnlExponent == Integer.MIN_VALUE || openKey == PriceKeys.NOT_EXACT
                ? ExactPnl.UNKNOWN : side == Side.BUY ? factor : -factor;
    }

    boolean hasViolated(int ruleIndex) {
        return (violatedRules & (1L << ruleIndex)) != 0;
    }

    void markViolated(int ruleIndex) {
        violatedRules |= 1L << ruleIndex;
    }

    boolean isOpen() {
        return lots.signum() > 0;
    }

    boolean awaitsSettlement() {
        return unsettledLots.signum() > 0;
    }

    /** Remembers a stop loss if it is farther on the losing side than any before. */
    void noteStopLoss(BigDecimal level) {
        if (level == null) {
            return;
        }
        if (farthestSl == null
                || (side == Side.BUY ? level.compareTo(farthestSl) < 0 : level.compareTo(farthestSl) > 0)) {
            farthestSl = level;
        }
    }

    /** The loss per unit at the farthest stop loss, never negative (zero without a stop loss). */
    BigDecimal riskPerUnit() {
        if (farthestSl == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal move = side == Side.BUY ? openPrice.subtract(farthestSl) : farthestSl.subtract(openPrice);
        return move.max(BigDecimal.ZERO);
    }
}
