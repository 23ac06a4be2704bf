package dev.propos.server.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code snapshotEvery}: journal entries between two snapshots of the engine. */
@ConfigurationProperties("propos.engine")
public record EvaluationSettings(long snapshotEvery) {

    public EvaluationSettings {
        snapshotEvery = snapshotEvery > 0 ? snapshotEvery : 1_000_000;
    }
}
