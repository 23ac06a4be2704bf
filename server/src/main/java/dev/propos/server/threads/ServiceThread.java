package dev.propos.server.threads;

/**
 * A named thread that runs one part of the firm (the journal writer, the engine, the reaction and
 * payout workers) until stopped. Stopping interrupts it, wakes it from any wait, and waits a while
 * for its loop to end, so that nothing it was doing is cut off by the shutdown that follows.
 */
public final class ServiceThread {

    private static final long JOIN_MILLIS = 10_000;

    private final String name;
    private final boolean daemon;
    private volatile Thread thread;

    private ServiceThread(String name, boolean daemon) {
        this.name = name;
        this.daemon = daemon;
    }

    public static ServiceThread named(String name) {
        return new ServiceThread(name, false);
    }

    /** A thread the JVM does not wait for at exit (work that is safely repeated after a restart). */
    public static ServiceThread daemon(String name) {
        return new ServiceThread(name, true);
    }

    public void start(Runnable loop) {
        thread = Thread.ofPlatform().name(name).daemon(daemon).start(loop);
    }

    public void stop() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
