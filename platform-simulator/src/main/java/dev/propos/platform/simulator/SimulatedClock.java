package dev.propos.platform.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps wall time to simulated time: each reading advances simulated time by the wall time elapsed
 * since the previous reading times the scale, at most {@code maxStep} at once. Elapsed wall time is
 * not made up later: when the platform falls behind (the sink blocks), simulated time slows down
 * instead of arriving in one huge burst.
 */
final class SimulatedClock {

    private final double timeScale;
    private final long maxStepNanos;
    private Instant lastWall;
    private double carryNanos;

    SimulatedClock(double timeScale, Duration maxStep) {
        this.timeScale = timeScale;
        this.maxStepNanos = maxStep.toNanos();
    }

    /** The simulated instant to run to, given the simulation is at {@code simNow} and the wall clock reads {@code wallNow}. */
    Instant next(Instant simNow, Instant wallNow) {
        if (lastWall == null || !wallNow.isAfter(lastWall)) {
            lastWall = lastWall == null ? wallNow : lastWall;
            return simNow;
        }
        double simNanos = Duration.between(lastWall, wallNow).toNanos() * timeScale + carryNanos;
        lastWall = wallNow;
        if (simNanos >= maxStepNanos) {
            carryNanos = 0;
            return simNow.plusNanos(maxStepNanos);
        }
        long whole = (long) simNanos;
        carryNanos = simNanos - whole;
        return simNow.plusNanos(whole);
    }
}
