package dev.propos.platform.simulator;

import dev.propos.engine.event.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** The desk of one account at one wake-up: the simulation as its trader sees and uses it. */
final class AccountDesk implements TradingDesk {

    /** No trader sizes a position above this, whatever their risk arithmetic says. */
    private static final BigDecimal MAX_LOTS = new BigDecimal("100");

    private final Simulation simulation;
    private final SimulatedAccount account;
    private boolean wakeScheduled;

    AccountDesk(Simulation simulation, SimulatedAccount account) {
        this.simulation = simulation;
        this.account = account;
    }

    /** Whether the trader said when to wake up next. */
    boolean wakeScheduled() {
        return wakeScheduled;
    }

    @Override
    public Instant now() {
        return simulation.now();
    }

    @Override
    public SplittableRandom random() {
        return account.random;
    }

    @Override
    public BigDecimal startingBalance() {
        return account.startingBalance;
    }

    @Override
    public int openPositions() {
        return account.positions.size();
    }

    @Override
    public boolean tradable(String symbol) {
        return simulation.market().tradable(symbol, now());
    }

    @Override
    public BigDecimal typicalMove(String symbol, long seconds) {
        long points = Math.max(1, Math.round(simulation.market().typicalMovePoints(symbol, seconds)));
        return simulation.market().symbol(symbol).price(points);
    }

    @Override
    public Side sideThatGains(String symbol, long seconds) {
        double later = simulation.market().midPointsAt(symbol, now().plusSeconds(seconds));
        double current = simulation.market().midPointsAt(symbol, now());
        return later > current ? Side.BUY : later < current ? Side.SELL : null;
    }

    @Override
    public BigDecimal lotsRisking(String symbol, BigDecimal riskMoney, BigDecimal distance) {
        return simulation.valuation().lotsRisking(simulation.market().symbol(symbol), riskMoney, distance,
                account.currency, MAX_LOTS);
    }

    @Override
    public boolean open(String symbol, Side side, BigDecimal lots, BigDecimal stopDistance, BigDecimal targetDistance,
                        long holdSeconds) {
        return simulation.open(account, symbol, side, lots, stopDistance, targetDistance, holdSeconds, null) != null;
    }

    @Override
    public List<NewsRelease> releases(Instant fromExclusive, Instant toInclusive) {
        return simulation.news().between(fromExclusive, toInclusive);
    }

    @Override
    public void wakeAt(Instant time) {
        wakeScheduled = true;
        simulation.scheduleWake(account, time);
    }
}
