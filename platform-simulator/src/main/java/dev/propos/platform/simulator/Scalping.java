package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Randomness.seconds;

import dev.propos.engine.event.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bursts of trades held for 8 to 45 seconds, below every firm's minimum trade duration, with big
 * lots and tight stops; a few bursts a session. The spread and the commission eat most of the edge.
 */
final class Scalping implements TradingStrategy {

    private static final List<String> SYMBOLS = List.of("NAS100", "NAS100", "EURUSD", "XAUUSD");
    private static final BigDecimal RISK_SHARE = new BigDecimal("0.005");
    private static final long STOP_HORIZON_SECONDS = 300;
    private static final double SKILL = 0.6;
    /** After each trade, the chance that the burst goes on. */
    private static final double BURST_GOES_ON = 0.65;

    @Override
    public void act(TradingDesk desk) {
        Instant now = desk.now();
        SplittableRandom random = desk.random();
        if (!TradingSession.contains(now)) {
            desk.wakeAt(TradingSession.nextStart(now).plusSeconds(seconds(random, 0, 3600)));
            return;
        }
        if (desk.openPositions() > 0) {
            desk.wakeAt(now.plusSeconds(30));
            return;
        }
        long holdSeconds = seconds(random, 8, 45);
        String symbol = TradingStrategy.pickTradable(desk, SYMBOLS);
        if (symbol != null) {
            BigDecimal stop = desk.typicalMove(symbol, STOP_HORIZON_SECONDS).multiply(BigDecimal.valueOf(3));
            BigDecimal lots = desk.lotsRisking(symbol, desk.startingBalance().multiply(RISK_SHARE), stop);
            Side side = TradingStrategy.chooseSide(desk, symbol, holdSeconds, SKILL);
            desk.open(symbol, side, lots, stop, null, holdSeconds);
        }
        long pause = random.nextDouble() < BURST_GOES_ON ? seconds(random, 20, 120) : seconds(random, 7200, 14_400);
        desk.wakeAt(now.plusSeconds(holdSeconds + pause));
    }

    @Override
    public long recoveredHoldSeconds(SplittableRandom random) {
        return seconds(random, 10, 40);
    }
}
