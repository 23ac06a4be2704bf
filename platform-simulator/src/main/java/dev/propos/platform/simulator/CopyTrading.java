package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Randomness.seconds;

import java.util.SplittableRandom;

/**
 * A copier does nothing on their own: the simulation mirrors every open and close of the leader's
 * accounts into theirs within seconds (what a trade copier does). Wake-ups only give them the
 * occasion to ask for a payout.
 */
final class CopyTrading implements TradingStrategy {

    @Override
    public void act(TradingDesk desk) {
        desk.wakeAt(desk.now().plusSeconds(seconds(desk.random(), 14_400, 28_800)));
    }

    @Override
    public long recoveredHoldSeconds(SplittableRandom random) {
        // The leader's position it mirrored is forgotten in a restart: close within the hour.
        return seconds(random, 600, 3600);
    }
}
