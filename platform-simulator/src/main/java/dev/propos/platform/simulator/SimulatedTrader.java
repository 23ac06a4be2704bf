package dev.propos.platform.simulator;

import java.util.Objects;

/** A simulated person: the PropOS trader id, a display name, and how they trade. */
public record SimulatedTrader(String id, String name, Behaviour behaviour) {

    public SimulatedTrader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(behaviour, "behaviour");
    }
}
