package dev.propos.server.platform;

import dev.propos.platform.CommandOutcome;
import dev.propos.platform.EventSink;
import dev.propos.platform.PlatformCommand;
import dev.propos.platform.PlatformException;
import dev.propos.platform.TradingPlatform;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code propos.platform.kind=none}: no platform is connected. Events come only through
 * {@code POST /api/events}; reactions wait, retried, until a platform is configured (or fail after
 * their attempts, for an operator to see).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "propos.platform.kind", havingValue = "none")
class NoPlatformConfiguration {

    @Bean
    TradingPlatform noPlatform() {
        return new TradingPlatform() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public void start(EventSink sink) {
            }

            @Override
            public CommandOutcome execute(PlatformCommand command) throws PlatformException {
                throw new PlatformException("no trading platform is connected (propos.platform.kind=none)", true);
            }

            @Override
            public void close() {
            }
        };
    }
}
