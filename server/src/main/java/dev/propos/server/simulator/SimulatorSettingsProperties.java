package dev.propos.server.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in simulator: {@code seed} for its markets and traders, {@code timeScale} simulated
 * seconds per wall second (1440: a trading day a minute), {@code demo} whether to open the demo
 * firm's accounts on an empty firm, {@code verifyDemoTraders} whether their (simulated) identities
 * count as verified (otherwise a pass into a funded phase waits for someone to verify the trader).
 */
@ConfigurationProperties("propos.simulator")
public record SimulatorSettingsProperties(long seed, double timeScale, boolean demo, Boolean verifyDemoTraders) {

    public SimulatorSettingsProperties {
        timeScale = timeScale > 0 ? timeScale : 1440;
        verifyDemoTraders = verifyDemoTraders == null || verifyDemoTraders;
    }
}
