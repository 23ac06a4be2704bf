package dev.propos.platform.simulator;

import dev.propos.engine.event.Event;
import dev.propos.platform.EventSink;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that moves simulated time in production: every {@code stepMillis} of wall time it
 * reads the wall clock, advances the simulation accordingly and hands the batch to the sink. A
 * batch the sink refused (threw) is offered again before time moves on, so nothing is skipped.
 */
final class SimulationDriver implements AutoCloseable {

    private final SimulatorPlatform platform;
    private final EventSink sink;
    private final InstantSource wallClock;
    private final SimulatedClock clock;
    private final long stepMillis;
    private ScheduledExecutorService thread;
    private List<Event> undelivered = List.of();
    private volatile RuntimeException lastFailure;

    SimulationDriver(SimulatorPlatform platform, EventSink sink, InstantSource wallClock,
                     SimulatorSettings settings) {
        this.platform = platform;
        this.sink = sink;
        this.wallClock = wallClock;
        this.clock = new SimulatedClock(settings.timeScale(), Duration.ofSeconds(settings.maxStepSeconds()));
        this.stepMillis = settings.stepMillis();
    }

    /** Starts the thread {@code propos-simulator}, a daemon: it never keeps a JVM alive. */
    void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, "propos-simulator");
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(this::step, 0, stepMillis, TimeUnit.MILLISECONDS);
    }

    /** One step: deliver what is owed, else advance time and deliver the new batch. */
    void step() {
        try {
            if (undelivered.isEmpty()) {
                undelivered = platform.advance(simNow -> clock.next(simNow, wallClock.instant()));
            }
            if (!undelivered.isEmpty()) {
                sink.publish(undelivered);
            }
            undelivered = List.of();
        } catch (RuntimeException e) {
            // The executor would stop the schedule on an exception: keep running, offer the batch again.
            lastFailure = e;
        }
    }

    /** The last exception a step caught (from the sink, usually), for the server's health check. */
    RuntimeException lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
