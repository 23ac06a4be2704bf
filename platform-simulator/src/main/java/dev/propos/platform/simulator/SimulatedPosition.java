package dev.propos.platform.simulator;

import dev.propos.engine.event.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open position on the simulator. {@code id} is the platform's ticket, which is also the
 * position id PropOS sees. {@code mirrorOf} names the leader's position a copier mirrors
 * ({@code account/ticket}), null otherwise.
 */
final class SimulatedPosition {

    final String id;
    final SimulatedSymbol symbol;
    final Side side;
    final BigDecimal openPrice;
    final Instant openTime;
    final String mirrorOf;
    BigDecimal lots;
    BigDecimal stopLoss;
    BigDecimal takeProfit;

    SimulatedPosition(String id, SimulatedSymbol symbol, Side side, BigDecimal lots, BigDecimal openPrice,
                      BigDecimal stopLoss, BigDecimal takeProfit, Instant openTime, String mirrorOf) {
        this.id = id;
        this.symbol = symbol;
        this.side = side;
        this.lots = lots;
        this.openPrice = openPrice;
        this.stopLoss = stopLoss;
        this.takeProfit = takeProfit;
        this.openTime = openTime;
        this.mirrorOf = mirrorOf;
    }

    /** Whether the quote's exit price has reached the stop loss or the take profit. */
    boolean levelReached(Market.Quote quote) {
        BigDecimal exit = quote.exit(side);
        if (side == Side.BUY) {
            return stopLoss != null && exit.compareTo(stopLoss) <= 0
                    || takeProfit != null && exit.compareTo(takeProfit) >= 0;
        }
        return stopLoss != null && exit.compareTo(stopLoss) >= 0
                || takeProfit != null && exit.compareTo(takeProfit) <= 0;
    }
}
