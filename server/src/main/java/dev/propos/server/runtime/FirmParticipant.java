package dev.propos.server.runtime;

/**
 * A part of the running firm that starts once the engine and the journal run (platforms,
 * reaction workers, the simulator) and stops before them.
 */
public interface FirmParticipant {

    void start();

    void stop();
}
