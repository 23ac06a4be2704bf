package dev.propos.server.reactions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retries of platform commands: the first after {@code firstRetry}, each next one twice as late,
 * at most {@code maxRetryInterval} apart; after {@code maxAttempts} the reaction is failed and
 * counted, for an operator to look at.
 */
@ConfigurationProperties("propos.reactions")
public record ReactionSettings(Duration firstRetry, Duration maxRetryInterval, int maxAttempts, Duration pollInterval) {

    public ReactionSettings {
        firstRetry = firstRetry != null ? firstRetry : Duration.ofSeconds(1);
        maxRetryInterval = maxRetryInterval != null ? maxRetryInterval : Duration.ofMinutes(5);
        maxAttempts = maxAttempts > 0 ? maxAttempts : 20;
        pollInterval = pollInterval != null ? pollInterval : Duration.ofMillis(500);
    }

    /** When to try again after {@code attempts} failed attempts. */
    Duration retryAfter(int attempts) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : delay;
    }
}
