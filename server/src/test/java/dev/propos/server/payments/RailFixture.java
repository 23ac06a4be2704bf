package dev.propos.server.payments;

import dev.propos.server.audit.Audit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rails over a real PostgreSQL with the server's migrations, without the rest of the server:
 * one database per test class, emptied before each test. Registered as an extension:
 * {@code @RegisterExtension static final RailFixture fixture = new RailFixture();}.
 */
final class RailFixture implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final PaymentSettings.Debtor FIRM = new PaymentSettings.Debtor("PropOS Demo Firm Ltd",
            "DE89 3704 0044 0532 0130 00", "COBADEFFXXX");
    static final Instant START = Instant.parse("2026-11-25T15:30:00Z");

    final TestClock clock = new TestClock(START);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Per payment rejected through {@link #statusReports}: whether new bank details were asked for. */
    final Map<String, Boolean> rejectedForBankDetails = new ConcurrentHashMap<>();
    JdbcClient jdbc;
    private EmbeddedPostgres postgres;
    private DataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        jdbc.sql("truncate rail_payments, payment_batches, payment_status_reports, audit_log").update();
        jdbc.sql("alter sequence payment_batch_numbers restart").update();
        clock.set(START);
        meters.clear();
        rejectedForBankDetails.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    Rails rails(Path outbox, PaymentSettings.Debtor debtor) {
        PaymentSettings settings = new PaymentSettings("pain001", outbox, Duration.ofMinutes(15), 0, debtor, null, null);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        RailPaymentStore store = new RailPaymentStore(jdbc);
        RailLedger ledger = new RailLedger(store, transaction, clock);
        return new Rails(new Pain001Rail(ledger, store, transaction, settings, clock), new ManualRail(ledger));
    }

    record Rails(Pain001Rail pain001, ManualRail manual) {
    }

    /** The status report import, answering the bank's answers as the payouts do: on the payment's rail. */
    StatusReportImport statusReports(Rails rails) {
        PaymentAnswers answers = new PaymentAnswers() {
            @Override
            public void paid(String paymentId, String reference, String actor) {
                rails.pain001().confirm(paymentId, reference);
            }

            @Override
            public void rejected(String paymentId, String reason, boolean newBankDetails, String actor) {
                rails.pain001().reject(paymentId, reason);
                rejectedForBankDetails.put(paymentId, newBankDetails);
            }
        };
        return new StatusReportImport(new StatusReportStore(jdbc), new RailPaymentStore(jdbc), answers,
                new Audit(jdbc, clock), clock, meters);
    }

    /** A payout of {@code amountCents} USD to a German account. */
    static PaymentInstruction payout(String paymentId, long amountCents) {
        return payout(paymentId, amountCents, "DE75 5121 0800 1245 1261 99");
    }

    static PaymentInstruction payout(String paymentId, long amountCents, String iban) {
        return new PaymentInstruction(paymentId, amountCents, "USD",
                new Beneficiary("Trader " + paymentId, iban, null, "DE"),
                "PropOS payout " + paymentId + " account PA100001", LocalDate.of(2026, 11, 26));
    }

    /** A clock the tests move by hand. */
    static final class TestClock extends Clock {

        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
