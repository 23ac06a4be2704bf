package dev.propos.platform.simulator;

import dev.propos.engine.event.Side;
import dev.propos.platform.TradingPlatform;
import dev.propos.platform.TradingPlatformContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** The simulator keeps the promises of every platform. */
class SimulatorContractTest extends TradingPlatformContract {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T10:00:00Z");

    private SimulatorPlatform simulator;

    @Override
    protected TradingPlatform createPlatform() {
        // No roster: the contract's trader gets a behaviour by hash, but time never moves in these
        // tests (deliver() only flushes), so no simulated trader acts.
        simulator = new SimulatorPlatform(SimulatorSettings.defaults(7, MONDAY_MORNING).manualTime(),
                new SimulatedTraders(List.of()), InstantSource.fixed(MONDAY_MORNING));
        return simulator;
    }

    @Override
    protected void deliver() {
        simulator.publishUntil(simulator.now());
    }

    @Override
    protected String openPositionAsTrader(String account) throws Exception {
        String position = tryOpen(account);
        if (position == null) {
            throw new AssertionError("the simulator refused to open a position for " + account);
        }
        return position;
    }

    @Override
    protected boolean traderMayOpen(String account) throws Exception {
        return tryOpen(account) != null;
    }

    private String tryOpen(String account) throws Exception {
        deliver(); // the first step quotes the market: nothing opens without a quote
        return simulator.openByHand(account, "BTCUSD", Side.BUY, new BigDecimal("0.50"));
    }
}
