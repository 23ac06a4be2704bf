package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Randomness.seconds;

import dev.propos.engine.event.Impact;
import dev.propos.engine.event.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trades the calendar: sits down a minute before each high-impact release, opens on the symbol it
 * moves most (gold for USD, the pair for EUR, GBP and JPY) inside the firm's news window, and
 * closes a few minutes later. Between releases, now and then an ordinary trade.
 */
final class NewsTrading implements TradingStrategy {

    private static final Map<String, String> SYMBOL_OF_CURRENCY =
            Map.of("USD", "XAUUSD", "EUR", "EURUSD", "GBP", "GBPUSD", "JPY", "USDJPY");
    private static final Duration LOOK_AHEAD = Duration.ofDays(8);
    /** Opens at most this long before the release and this long after: inside a two-minute window. */
    private static final long EARLIEST_BEFORE_SECONDS = 90;
    private static final long LATEST_AFTER_SECONDS = 60;
    private static final BigDecimal NEWS_RISK_SHARE = new BigDecimal("0.015");
    private static final BigDecimal ORDINARY_RISK_SHARE = new BigDecimal("0.005");
    private static final double ORDINARY_TRADE_CHANCE = 0.3;

    @Override
    public void act(TradingDesk desk) {
        Instant now = desk.now();
        SplittableRandom random = desk.random();
        List<NewsRelease> coming = desk.releases(now.minusSeconds(LATEST_AFTER_SECONDS), now.plus(LOOK_AHEAD))
                .stream()
                .filter(r -> r.impact() == Impact.HIGH && SYMBOL_OF_CURRENCY.containsKey(r.currencies().getFirst()))
                .toList();
        NewsRelease releaseNow = coming.stream()
                .filter(r -> !now.isBefore(r.time().minusSeconds(EARLIEST_BEFORE_SECONDS))
                        && !now.isAfter(r.time().plusSeconds(LATEST_AFTER_SECONDS)))
                .findFirst().orElse(null);
        if (releaseNow != null && desk.openPositions() == 0) {
            tradeRelease(desk, SYMBOL_OF_CURRENCY.get(releaseNow.currencies().getFirst()));
        } else if (desk.openPositions() == 0 && TradingSession.contains(now)
                && random.nextDouble() < ORDINARY_TRADE_CHANCE && noReleaseWithin(coming, now, Duration.ofHours(3))) {
            tradeOrdinary(desk);
        }
        Instant wake = now.plusSeconds(seconds(random, 7200, 14_400));
        for (NewsRelease release : coming) {
            Instant seat = release.time().minusSeconds(seconds(random, 20, 80));
            if (seat.isAfter(now)) {
                if (seat.isBefore(wake)) {
                    wake = seat;
                }
                break;
            }
        }
        desk.wakeAt(wake);
    }

    private static void tradeRelease(TradingDesk desk, String symbol) {
        if (!desk.tradable(symbol)) {
            return;
        }
        long holdSeconds = seconds(desk.random(), 180, 600);
        BigDecimal stop = desk.typicalMove(symbol, holdSeconds).multiply(BigDecimal.valueOf(3));
        BigDecimal lots = desk.lotsRisking(symbol, desk.startingBalance().multiply(NEWS_RISK_SHARE), stop);
        Side side = TradingStrategy.chooseSide(desk, symbol, holdSeconds, 0.5);
        desk.open(symbol, side, lots, stop, null, holdSeconds);
    }

    private static void tradeOrdinary(TradingDesk desk) {
        String symbol = TradingStrategy.pickTradable(desk, List.of("EURUSD", "XAUUSD"));
        long holdSeconds = seconds(desk.random(), 3600, 7200);
        if (symbol == null || !TradingSession.holds(desk.now(), desk.now().plusSeconds(holdSeconds))) {
            return;
        }
        BigDecimal move = desk.typicalMove(symbol, holdSeconds);
        BigDecimal stop = move.multiply(BigDecimal.valueOf(2));
        BigDecimal lots = desk.lotsRisking(symbol, desk.startingBalance().multiply(ORDINARY_RISK_SHARE), stop);
        Side side = TradingStrategy.chooseSide(desk, symbol, holdSeconds, 0.55);
        desk.open(symbol, side, lots, stop, move.multiply(BigDecimal.valueOf(3)), holdSeconds);
    }

    private static boolean noReleaseWithin(List<NewsRelease> coming, Instant now, Duration span) {
        return coming.stream().noneMatch(r -> r.time().isAfter(now) && r.time().isBefore(now.plus(span)));
    }

    @Override
    public long recoveredHoldSeconds(SplittableRandom random) {
        return seconds(random, 60, 600);
    }
}
