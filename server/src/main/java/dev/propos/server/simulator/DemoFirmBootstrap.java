package dev.propos.server.simulator;

import dev.propos.platform.simulator.DemoAccount;
import dev.propos.platform.simulator.DemoFirm;
import dev.propos.platform.simulator.SimulatorPlatform;
import dev.propos.server.journal.JournalStore;
import dev.propos.server.kyc.KycService;
import dev.propos.server.payments.Beneficiary;
import dev.propos.server.traders.BankDetails;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.reactions.Enrollments;
import dev.propos.server.runtime.FirmParticipant;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new user's first start: with no configuration yet, the demo firm's programs are imported, and
 * with no account yet, the demo traders are enrolled (their platform accounts are created by
 * reactions, like any enrollment), so that the firm is seen at work within a minute.
 */
class DemoFirmBootstrap implements FirmParticipant {

    /** A valid IBAN of the standard's examples: no real account. */
    private static final String DEMO_IBAN = "DE89370400440532013000";
    private static final Logger log = LoggerFactory.getLogger(DemoFirmBootstrap.class);

    private final SimulatorPlatform simulator;
    private final SimulatorSettingsProperties properties;
    private final JournalStore journal;
    private final JournalWriter writer;
    private final Enrollments enrollments;
    private final KycService kyc;
    private final BankDetails bankDetails;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoFirmBootstrap(SimulatorPlatform simulator, SimulatorSettingsProperties properties, JournalStore journal,
                      JournalWriter writer, Enrollments enrollments, KycService kyc, BankDetails bankDetails,
                      JdbcClient jdbc, Clock clock) {
        this.simulator = simulator;
        this.properties = properties;
        this.journal = journal;
        this.writer = writer;
        this.enrollments = enrollments;
        this.kyc = kyc;
        this.bankDetails = bankDetails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!properties.demo()) {
            return;
        }
        if (journal.configDocuments().isEmpty()) {
            try {
                writer.importConfig("simulator", "demo-firm.yaml", DemoFirm.configYaml()).get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("the demo firm's configuration was not imported", e);
            }
            log.info("Demo firm: programs imported");
        }
        boolean anyAccount = jdbc.sql("select exists (select 1 from reactions where kind = 'create_account')")
                .query(Boolean.class).single();
        if (anyAccount) {
            return;
        }
        for (DemoAccount demo : DemoFirm.openingAccounts()) {
            jdbc.sql("insert into traders (id, name, created_at) values (?, ?, ?) on conflict (id) do nothing")
                    .params(demo.trader().id(), demo.trader().name(), Timestamp.from(clock.instant()))
                    .update();
            // The simulated traders' identities and banks are simulated too: verified, so that funded
            // phases start, and with a (test) IBAN, so that their payouts reach FINANCE to be paid.
            if (properties.verifyDemoTraders()) {
                kyc.decide(demo.trader().id(), true, "simulated trader", "simulator");
            }
            bankDetails.save(demo.trader().id(), new Beneficiary(demo.trader().name(), DEMO_IBAN, null, "DE"));
            enrollments.openAccount(demo.createAccount("demo-" + demo.account()),
                    demo.accountStarted(simulator.now(), "start-" + demo.account()));
        }
        log.info("Demo firm: {} simulated traders enrolled", DemoFirm.openingAccounts().size());
    }

    @Override
    public void stop() {
    }
}
