package dev.propos.server.payments;

import com.prowidesoftware.swift.model.BIC;
import com.prowidesoftware.swift.model.BicValidationResult;
import com.prowidesoftware.swift.model.IBAN;
import com.prowidesoftware.swift.model.IbanValidationResult;
import dev.propos.server.payments.RailPaymentStore.StoredBatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bank payouts as ISO 20022 pain.001.001.09 credit-transfer files. A submitted payment is queued;
 * {@link #writeBatch} gathers the queued ones into one file, checks it against the official schema,
 * records it and the payments' new status in one transaction, then puts the file in the outbox
 * for the bank's upload client. The file is kept in the database until it is in the outbox, so a
 * crash in between writes it on the next run ({@link #writeUnwritten}), and a payment is never in
 * two files. The bank's answer is recorded with {@link #confirm} or {@link #reject}.
 */
@Component
public class Pain001Rail implements PaymentRail {

    private static final Logger log = LoggerFactory.getLogger(Pain001Rail.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final RailLedger ledger;
    private final RailPaymentStore store;
    private final TransactionTemplate transaction;
    private final PaymentSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    Pain001Rail(RailLedger ledger, RailPaymentStore store, TransactionTemplate transaction, PaymentSettings settings,
                Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.transaction = transaction;
        this.settings = settings;
        this.outbox = new Outbox(settings.outbox());
        this.clock = clock;
    }

    @Override
    public RailName name() {
        return RailName.PAIN001;
    }

    /** Queues the payment for the next file; refused while the firm's own account is not configured. */
    @Override
    public RailSubmission submit(PaymentInstruction instruction) {
        List<String> debtorProblems = debtorProblems();
        if (!debtorProblems.isEmpty()) {
            return new RailSubmission.Refused(instruction.paymentId(), debtorProblems);
        }
        return ledger.submit(RailName.PAIN001, instruction, "queued");
    }

    @Override
    public RailStatus status(String paymentId) {
        return ledger.status(paymentId);
    }

    @Override
    public RailStatus.Paid confirm(String paymentId, String bankReference) {
        return ledger.confirm(RailName.PAIN001, paymentId, bankReference);
    }

    @Override
    public RailStatus.Rejected reject(String paymentId, String reason) {
        return ledger.reject(RailName.PAIN001, paymentId, reason);
    }

    /**
     * Writes one file with the oldest queued payments (at most {@code batch-size-max}); empty when
     * none is queued. Files left unwritten by a crash are written first.
     *
     * @throws IllegalStateException when the file breaks the schema: nothing is recorded then, and
     *                               the payments stay queued
     */
    public synchronized Optional<PaymentBatch> writeBatch() {
        writeUnwritten();
        List<String> debtorProblems = debtorProblems();
        if (!debtorProblems.isEmpty()) {
            throw new IllegalStateException("cannot write a pain.001 file: " + String.join("; ", debtorProblems));
        }
        Built built = transaction.execute(status -> {
            List<PaymentInstruction> payments = store.lockQueued(RailName.PAIN001, settings.batchSizeMax());
            if (payments.isEmpty()) {
                return null;
            }
            Instant now = clock.instant();
            String messageId = "PROPOS-" + DAY.format(now) + "-" + String.format("%06d", store.nextBatchNumber());
            String xml = Pain001Document.xml(messageId, now, settings.debtor(), payments);
            List<String> violations = Pain001Schema.violations(xml);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("pain.001 message " + messageId + " breaks the ISO 20022 schema: "
                        + String.join("; ", violations));
            }
            StoredBatch stored = new StoredBatch(messageId, "pain.001-" + messageId + ".xml", payments.size(),
                    Pain001Document.controlSumCents(payments), xml, now);
            List<String> paymentIds = payments.stream().map(PaymentInstruction::paymentId).toList();
            store.insertBatch(stored);
            store.submitted(paymentIds, messageId, now);
            return new Built(stored, paymentIds);
        });
        if (built == null) {
            return Optional.empty();
        }
        // Only after the commit: a file in the outbox always has its payments recorded as submitted.
        write(built.batch());
        return Optional.of(new PaymentBatch(built.batch().messageId(), outbox.folder().resolve(built.batch().fileName()),
                built.paymentIds(), built.batch().controlSumCents()));
    }

    private record Built(StoredBatch batch, List<String> paymentIds) {
    }

    /** Puts in the outbox every recorded file that is not there yet (after a crash); returns how many. */
    public synchronized int writeUnwritten() {
        List<StoredBatch> unwritten = store.unwritten();
        for (StoredBatch batch : unwritten) {
            if (outbox.contains(batch.fileName())) {
                // Written before a crash that came before it was marked: do not write it twice.
                store.written(batch.messageId(), clock.instant());
            } else {
                write(batch);
            }
        }
        return unwritten.size();
    }

    /** Why the firm's own account cannot pay yet; empty when name and IBAN (and the BIC, if given) are valid. */
    List<String> debtorProblems() {
        PaymentSettings.Debtor debtor = settings.debtor();
        List<String> problems = new ArrayList<>();
        if (debtor.name() == null) {
            problems.add("the pain.001 rail needs the firm's name (propos.payments.debtor.name)");
        } else if (debtor.name().length() > 140) {
            problems.add("propos.payments.debtor.name is longer than 140 characters");
        }
        if (debtor.iban() == null) {
            problems.add("the pain.001 rail needs the firm's IBAN (propos.payments.debtor.iban)");
        } else if (IBAN.validate(debtor.iban()) != IbanValidationResult.OK) {
            problems.add("propos.payments.debtor.iban '" + debtor.iban() + "' is invalid: "
                    + IBAN.validate(debtor.iban()).message());
        }
        if (debtor.bic() != null && new BIC(debtor.bic()).validate() != BicValidationResult.OK) {
            problems.add("propos.payments.debtor.bic '" + debtor.bic() + "' is invalid: "
                    + new BIC(debtor.bic()).validate().message());
        }
        return problems;
    }

    private void write(StoredBatch batch) {
        outbox.write(batch.fileName(), batch.document());
        store.written(batch.messageId(), clock.instant());
        log.info("pain.001 file {} with {} payments ({} cents) written to {}", batch.fileName(), batch.payments(),
                batch.controlSumCents(), outbox.folder());
    }
}
