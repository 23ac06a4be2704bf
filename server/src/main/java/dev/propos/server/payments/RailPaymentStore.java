package dev.propos.server.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rail_payments and payment_batches tables: every payment handed to a rail and every pain.001 file. */
@Repository
class RailPaymentStore {

    /** A payment as its rail recorded it; {@code batchFile} is the pain.001 file it went out in. */
    record RailPayment(PaymentInstruction instruction, RailName rail, String status, int attempts,
                       String batchMessageId, String batchFile, String reference, String reason,
                       Instant submittedAt, Instant settledAt) {
    }

    /** A pain.001 file as stored before it is written to the outbox. */
    record StoredBatch(String messageId, String fileName, int payments, long controlSumCents, String document,
                       Instant createdAt) {
    }

    private final JdbcClient jdbc;

    RailPaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new payment; false when the payment id is known already (nothing changed). */
    boolean insert(RailName rail, String status, PaymentInstruction instruction, Instant now) {
        Beneficiary beneficiary = instruction.beneficiary();
        return jdbc.sql("""
                        insert into rail_payments (payment_id, rail, status, amount_cents, currency, beneficiary_name,
                            beneficiary_iban, beneficiary_bic, beneficiary_country, remittance_info, execution_date,
                            submitted_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (payment_id) do nothing""")
                .params(instruction.paymentId(), rail.code(), status, instruction.amountCents(), instruction.currency(),
                        beneficiary.name(), beneficiary.iban(), beneficiary.bic(), beneficiary.country(),
                        instruction.remittanceInfo(), instruction.requestedExecutionDate(), Timestamp.from(now),
                        Timestamp.from(now))
                .update() == 1;
    }

    /** Submits a rejected payment again, possibly changed and through another rail: one more attempt. */
    boolean retry(RailName rail, String status, PaymentInstruction instruction, Instant now) {
        Beneficiary beneficiary = instruction.beneficiary();
        return jdbc.sql("""
                        update rail_payments set rail = ?, status = ?, attempts = attempts + 1, amount_cents = ?,
                            currency = ?, beneficiary_name = ?, beneficiary_iban = ?, beneficiary_bic = ?,
                            beneficiary_country = ?, remittance_info = ?, execution_date = ?, batch_message_id = null,
                            reference = null, reason = null, submitted_at = ?, settled_at = null, updated_at = ?
                        where payment_id = ? and status = 'rejected'""")
                .params(rail.code(), status, instruction.amountCents(), instruction.currency(), beneficiary.name(),
                        beneficiary.iban(), beneficiary.bic(), beneficiary.country(), instruction.remittanceInfo(),
                        instruction.requestedExecutionDate(), Timestamp.from(now), Timestamp.from(now),
                        instruction.paymentId())
                .update() == 1;
    }

    Optional<RailPayment> find(String paymentId) {
        return jdbc.sql(SELECT + " where p.payment_id = ?").param(paymentId).query(RailPaymentStore::payment).optional();
    }

    /** The payment, locked until the transaction ends, so that two answers for it do not interleave. */
    Optional<RailPayment> lock(String paymentId) {
        return jdbc.sql(SELECT + " where p.payment_id = ? for update of p").param(paymentId)
                .query(RailPaymentStore::payment).optional();
    }

    /** The oldest queued payments of {@code rail}, locked for the batch being built. */
    List<PaymentInstruction> lockQueued(RailName rail, int limit) {
        return jdbc.sql(SELECT + " where p.rail = ? and p.status = 'queued' order by p.submitted_at, p.payment_id limit ? for update of p")
                .params(rail.code(), limit)
                .query(RailPaymentStore::payment).list().stream().map(RailPayment::instruction).toList();
    }

    void submitted(List<String> paymentIds, String batchMessageId, Instant now) {
        for (String paymentId : paymentIds) {
            jdbc.sql("update rail_payments set status = 'submitted', batch_message_id = ?, updated_at = ? where payment_id = ? and status = 'queued'")
                    .params(batchMessageId, Timestamp.from(now), paymentId).update();
        }
    }

    void paid(String paymentId, String reference, Instant now) {
        jdbc.sql("update rail_payments set status = 'paid', reference = ?, settled_at = ?, updated_at = ? where payment_id = ?")
                .params(reference, Timestamp.from(now), Timestamp.from(now), paymentId).update();
    }

    void rejected(String paymentId, String reason, Instant now) {
        jdbc.sql("update rail_payments set status = 'rejected', reason = ?, settled_at = ?, updated_at = ? where payment_id = ?")
                .params(reason, Timestamp.from(now), Timestamp.from(now), paymentId).update();
    }

    long nextBatchNumber() {
        return jdbc.sql("select nextval('payment_batch_numbers')").query(Long.class).single();
    }

    void insertBatch(StoredBatch batch) {
        jdbc.sql("""
                        insert into payment_batches (message_id, file_name, payments, control_sum_cents, document, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(batch.messageId(), batch.fileName(), batch.payments(), batch.controlSumCents(), batch.document(),
                        Timestamp.from(batch.createdAt()))
                .update();
    }

    /** A pain.001 file PropOS wrote, by its message id. */
    Optional<StoredBatch> batch(String messageId) {
        return jdbc.sql("""
                        select message_id, file_name, payments, control_sum_cents, document, created_at
                        from payment_batches where message_id = ?""")
                .param(messageId).query(RailPaymentStore::batch).optional();
    }

    /** Batches committed but not yet seen in the outbox, oldest first. */
    List<StoredBatch> unwritten() {
        return jdbc.sql("""
                        select message_id, file_name, payments, control_sum_cents, document, created_at
                        from payment_batches where written_at is null order by created_at, message_id""")
                .query(RailPaymentStore::batch).list();
    }

    void written(String messageId, Instant now) {
        jdbc.sql("update payment_batches set written_at = ? where message_id = ?")
                .params(Timestamp.from(now), messageId).update();
    }

    private static final String SELECT = """
            select p.payment_id, p.amount_cents, p.currency, p.beneficiary_name, p.beneficiary_iban, p.beneficiary_bic,
                   p.beneficiary_country, p.remittance_info, p.execution_date, p.rail, p.status, p.attempts,
                   p.batch_message_id, b.file_name, p.reference, p.reason, p.submitted_at, p.settled_at
            from rail_payments p left join payment_batches b on b.message_id = p.batch_message_id""";

    private static StoredBatch batch(ResultSet rs, int row) throws SQLException {
        return new StoredBatch(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }

    private static RailPayment payment(ResultSet rs, int row) throws SQLException {
        LocalDate executionDate = rs.getObject(9, LocalDate.class);
        PaymentInstruction instruction = new PaymentInstruction(rs.getString(1), rs.getLong(2), rs.getString(3),
                new Beneficiary(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), rs.getString(8),
                executionDate);
        Timestamp settledAt = rs.getTimestamp(18);
        return new RailPayment(instruction, RailName.of(rs.getString(10)), rs.getString(11), rs.getInt(12),
                rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                rs.getTimestamp(17).toInstant(), settledAt == null ? null : settledAt.toInstant());
    }
}
