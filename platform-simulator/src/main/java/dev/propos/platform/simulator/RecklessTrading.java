package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Randomness.seconds;

import dev.propos.engine.event.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A gambler: gold, indices and bitcoin at any hour, sized so that one ordinary day's move is 5% of
 * the account, no stop loss, up to three positions at once, held for hours (over weekends too). No
 * edge. Most such accounts breach the daily or the max loss within a few days; a lucky one passes.
 */
final class RecklessTrading implements TradingStrategy {

    private static final List<String> SYMBOLS = List.of("XAUUSD", "NAS100", "US30", "BTCUSD", "GBPUSD");
    private static final BigDecimal DAY_MOVE_SHARE = new BigDecimal("0.05");
    private static final int MAX_OPEN = 3;
    private static final long DAY_SECONDS = 86_400;

    @Override
    public void act(TradingDesk desk) {
        Instant now = desk.now();
        SplittableRandom random = desk.random();
        String symbol = TradingStrategy.pickTradable(desk, SYMBOLS);
        if (desk.openPositions() < MAX_OPEN && symbol != null) {
            BigDecimal dayMove = desk.typicalMove(symbol, DAY_SECONDS);
            BigDecimal lots = desk.lotsRisking(symbol, desk.startingBalance().multiply(DAY_MOVE_SHARE), dayMove);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            desk.open(symbol, side, lots, null, null, seconds(random, 7200, 36_000));
        }
        desk.wakeAt(now.plusSeconds(seconds(random, 3600, 10_800)));
    }

    @Override
    public long recoveredHoldSeconds(SplittableRandom random) {
        return seconds(random, 3600, 21_600);
    }
}
