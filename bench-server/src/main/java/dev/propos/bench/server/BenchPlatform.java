package dev.propos.bench.server;

import dev.propos.platform.CommandOutcome;
import dev.propos.platform.EventSink;
import dev.propos.platform.PlatformCommand;
import dev.propos.platform.TradingPlatform;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A platform that carries out every command at once: the benchmark measures PropOS, not a platform. */
@Configuration(proxyBeanMethods = false)
class BenchPlatform {

    @Bean
    TradingPlatform instantPlatform() {
        return new TradingPlatform() {
            @Override
            public String name() {
                return "bench";
            }

            @Override
            public void start(EventSink sink) {
            }

            @Override
            public CommandOutcome execute(PlatformCommand command) {
                return new CommandOutcome(command.commandId(), "done");
            }

            @Override
            public void close() {
            }
        };
    }
}
