package dev.propos.server.simulator;

import dev.propos.platform.simulator.SimulatorPlatform;
import dev.propos.platform.simulator.SimulatorSettings;
import dev.propos.server.journal.JournalStore;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.kyc.KycService;
import dev.propos.server.traders.BankDetails;
import dev.propos.server.reactions.Enrollments;
import dev.propos.server.reactions.ReactionHistory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in simulator as the firm's trading platform: the default with the embedded database
 * ({@code propos.platform.kind=simulator}). Its firm runs on simulated time, from the Monday morning
 * of the week of its first start, or from where the journal left off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "propos.platform.kind", havingValue = "simulator", matchIfMissing = true)
class SimulatorConfiguration {

    @Bean(destroyMethod = "")  // the platform connection closes it, after the journal stops taking its events
    SimulatorPlatform simulatorPlatform(SimulatorSettingsProperties properties, JournalStore journal, Clock clock) {
        Instant journalTime = journal.lastPosition().time();
        Instant start = SimulatorSettings.mondayMorningOfWeek(journalTime != null ? journalTime : clock.instant());
        SimulatorSettings settings = SimulatorSettings.defaults(properties.seed(), start)
                .withTimeScale(properties.timeScale());
        return new SimulatorPlatform(settings);
    }

    /** Before the platform delivers anything. */
    @Bean
    @Order(0)
    SimulatorRecovery simulatorRecovery(SimulatorPlatform simulator, JournalStore journal, ReactionHistory reactions) {
        return new SimulatorRecovery(simulator, journal, reactions);
    }

    /** Once everything runs. */
    @Bean
    @Order(100)
    DemoFirmBootstrap demoFirmBootstrap(SimulatorPlatform simulator, SimulatorSettingsProperties properties,
                                        JournalStore journal, JournalWriter writer, Enrollments enrollments,
                                        KycService kyc, BankDetails bankDetails, JdbcClient jdbc, Clock clock) {
        return new DemoFirmBootstrap(simulator, properties, journal, writer, enrollments, kyc, bankDetails, jdbc,
                clock);
    }
}
