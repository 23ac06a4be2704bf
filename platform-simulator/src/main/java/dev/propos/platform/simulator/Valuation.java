package dev.propos.platform.simulator;

import dev.propos.engine.event.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Money of positions in the account's currency, with the engine's arithmetic (spec/programs.md,
 * "P&L"): the move times lots times contract size in the profit currency, converted at the latest
 * mid (divide by the account+profit pair's, or multiply by the profit+account pair's), rounded to
 * cents half away from zero once. The platform's profit then equals what PropOS computes itself.
 */
final class Valuation {

    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private final Market market;

    Valuation(Market market) {
        this.market = market;
    }

    /** The realized profit of closing {@code lots} at {@code closePrice}, in cents; null when no quote converts it. */
    BigDecimal profit(SimulatedSymbol symbol, Side side, BigDecimal lots, BigDecimal openPrice,
                      BigDecimal closePrice, String accountCurrency) {
        BigDecimal move = side == Side.BUY ? closePrice.subtract(openPrice) : openPrice.subtract(closePrice);
        BigDecimal converted = convert(move.multiply(lots).multiply(symbol.contractSize()), symbol.profitCurrency(),
                accountCurrency);
        return converted == null ? null : converted.setScale(2, RoundingMode.HALF_UP);
    }

    /** The commission of one side of a deal, negative, in cents; null when the symbol charges none. */
    static BigDecimal commission(SimulatedSymbol symbol, BigDecimal lots) {
        if (symbol.commissionPerLotPerSide().signum() == 0) {
            return null;
        }
        return symbol.commissionPerLotPerSide().multiply(lots).negate().setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code amount} in {@code from} expressed in {@code to}, unrounded; null when no quote converts it. */
    BigDecimal convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return amount;
        }
        Market.Quote direct = market.latest(to + from);
        if (direct != null) {
            return amount.divide(direct.mid(), DIVISION);
        }
        Market.Quote inverse = market.latest(from + to);
        if (inverse != null) {
            return amount.multiply(inverse.mid());
        }
        return null;
    }

    /**
     * The lots, on the 0.01 step, that lose about {@code riskMoney} (account currency) when the
     * price moves {@code distance} against the position; at least 0.01 and at most {@code maxLots}.
     */
    BigDecimal lotsRisking(SimulatedSymbol symbol, BigDecimal riskMoney, BigDecimal distance, String accountCurrency,
                           BigDecimal maxLots) {
        BigDecimal perLot = convert(distance.multiply(symbol.contractSize()), symbol.profitCurrency(),
                accountCurrency);
        if (perLot == null || perLot.signum() <= 0) {
            return new BigDecimal("0.01");
        }
        BigDecimal lots = riskMoney.divide(perLot, MathContext.DECIMAL64).setScale(2, RoundingMode.DOWN);
        return lots.max(new BigDecimal("0.01")).min(maxLots);
    }
}
