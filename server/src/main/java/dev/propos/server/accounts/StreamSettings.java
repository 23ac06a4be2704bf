package dev.propos.server.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live decision stream. {@code statusInterval}: how often a one-account stream gets the account's
 * {@code account_status} (when it changed); each round is one pass over the engine's accounts, so not
 * too often. {@code heartbeat}: how often an idle stream gets a comment, which also finds clients that
 * went away. {@code timeout}: how long a stream lasts before the client must reconnect.
 * {@code queueCapacity}: events waiting for one client; a client that falls that far behind is dropped.
 */
@ConfigurationProperties("propos.stream")
public record StreamSettings(Duration statusInterval, Duration heartbeat, Duration timeout, int queueCapacity) {

    public StreamSettings {
        statusInterval = statusInterval != null ? statusInterval : Duration.ofSeconds(5);
        heartbeat = heartbeat != null ? heartbeat : Duration.ofSeconds(15);
        timeout = timeout != null ? timeout : Duration.ofHours(1);
        queueCapacity = queueCapacity > 0 ? queueCapacity : 1000;
    }
}
