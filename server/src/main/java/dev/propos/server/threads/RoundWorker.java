package dev.propos.server.threads;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker that does rounds on a thread of its own: one when woken ({@link #wakeUp}, any number of
 * wake-ups while a round runs make one more round) and one every {@code interval} anyway. A round
 * that fails is logged and the next one tries again: each round must pick up where the stored
 * state says, not where the failed one stopped.
 */
public final class RoundWorker {

    private static final Logger log = LoggerFactory.getLogger(RoundWorker.class);

    private final ServiceThread thread;
    private final String name;
    private final Duration interval;
    private final Runnable round;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;

    public RoundWorker(String name, Duration interval, Runnable round) {
        this.thread = ServiceThread.named(name);
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    public void start() {
        running = true;
        thread.start(this::loop);
    }

    public void stop() {
        running = false;
        thread.stop();
    }

    public void wakeUp() {
        wakeUps.release();
    }

    /** False once stopping: a long round checks it to end early. */
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                round.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} round failed; the next round tries again", name, e);
            }
        }
    }
}
