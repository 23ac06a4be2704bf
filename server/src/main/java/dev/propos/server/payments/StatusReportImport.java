package dev.propos.server.payments;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.propos.engine.money.Money;
import dev.propos.server.audit.Audit;
import dev.propos.server.payments.Pain002Report.GroupStatus;
import dev.propos.server.payments.Pain002Report.Meaning;
import dev.propos.server.payments.Pain002Report.PaymentStatus;
import dev.propos.server.payments.RailPaymentStore.RailPayment;
import dev.propos.server.payments.RailPaymentStore.StoredBatch;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Takes what the bank says of PropOS's payments and acts on it: a status report (pain.002) on a
 * pain.001 file, or a statement (camt.053) or notification (camt.054) of the firm's account. A
 * payment the bank settled is paid, one it rejected or that came back fails (and its payout is
 * tried again), through {@link PaymentAnswers}. The file is stored as received before it is read,
 * so that one refused (not such a message, not on a PropOS file) is kept for inspection.
 *
 * <p>Importing a file again changes nothing: answers already recorded are reported as such. An
 * answer about an earlier attempt of a payment that has since gone out again is not applied to
 * the new attempt; an answer that contradicts one recorded (paid, now returned) or an amount other
 * than the one sent is left for FINANCE. In a status report, a status on a whole payment block or
 * file applies to those of its payments the report does not answer one by one; a statement's
 * bookings of other payments than PropOS's are not PropOS's business and are passed over.
 */
@Component
class StatusReportImport {

    /** The bank's actor on a payout's steps. */
    static final String BANK = "bank";

    /** What was done with one payment the file names. */
    public enum Result {
        APPLIED, IN_PROGRESS, ALREADY, SUPERSEDED, UNKNOWN, CONFLICT;

        @JsonValue
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One payment's line: the bank's status (a pain.002 code, or BOOK, PDNG, RTRN, RVSL) and what PropOS did. */
    public record Outcome(String paymentId, String status, Result result, String detail) {

        String line() {
            return paymentId + " " + status + " " + result.wireName() + ": " + detail;
        }
    }

    /** A file read and acted on; {@code originalMessageId} is the pain.001 file a status report is on (null for a statement). */
    public record Imported(long reportId, String messageId, String originalMessageId, List<Outcome> outcomes) {
    }

    /**
     * The bank's answer about one payment.
     *
     * @param file        the pain.001 file the answer is on (status reports), or null
     * @param bookedOn    the day the bank booked it (statements), or null
     * @param amountCents the amount the bank booked, or null
     */
    private record Answer(String paymentId, String status, Meaning meaning, List<StatusReason> reasons, String reference,
                          String file, LocalDate bookedOn, Long amountCents, String currency) {

        String reasonsInWords() {
            return String.join("; ", reasons.stream().map(StatusReason::describe).toList());
        }

        /** Sent again to the same beneficiary it would fail again: the trader must give new bank details. */
        boolean needsNewBankDetails() {
            return reasons.stream().anyMatch(StatusReason::concernsBeneficiary);
        }
    }

    private final StatusReportStore reports;
    private final RailPaymentStore payments;
    private final PaymentAnswers answers;
    private final Audit audit;
    private final Clock clock;
    private final MeterRegistry meters;

    StatusReportImport(StatusReportStore reports, RailPaymentStore payments, PaymentAnswers answers, Audit audit,
                       Clock clock, MeterRegistry meters) {
        this.reports = reports;
        this.payments = payments;
        this.answers = answers;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Stores, reads and applies a status report, statement or notification.
     *
     * @param source who handed it in ({@code api:<user>}, {@code inbox:<file>}), for the record
     * @throws BankFileException when it cannot be read, is none of these, or a status report is not
     *                           on a file PropOS wrote; it is kept, refused, and nothing is applied
     */
    public Imported importReport(String xml, String source) {
        long id = reports.received(source, xml, clock.instant());
        String messageId;
        String originalMessageId;
        List<Answer> found;
        boolean passOverUnknown;
        try {
            Element root = IsoXml.root(xml);
            if (Pain002Report.isOne(root)) {
                Pain002Report report = Pain002Report.read(root);
                messageId = report.messageId();
                originalMessageId = report.originalMessageId();
                found = answersIn(report, blocksOf(report));
                passOverUnknown = false;
            } else if (BankStatement.isOne(root)) {
                BankStatement statement = BankStatement.read(root);
                messageId = statement.messageId();
                originalMessageId = null;
                found = answersIn(statement);
                passOverUnknown = true; // a statement books the firm's other business too
            } else {
                throw new BankFileException("neither a pain.002 status report nor a camt.053 or camt.054 statement:"
                        + " the document's namespace is " + root.getNamespaceURI());
            }
        } catch (BankFileException e) {
            meters.counter("propos.payments.bank.files", "outcome", "refused").increment();
            reports.refused(id, e.getMessage());
            audit.record(source, "payment_status_report_refused", Long.toString(id), Audit.detail("error", e.getMessage()));
            throw e;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Answer answer : found) {
            Optional<RailPayment> payment = payments.find(answer.paymentId());
            if (payment.isPresent()) {
                outcomes.add(apply(answer, payment.get(), messageId));
            } else if (!passOverUnknown) {
                outcomes.add(outcome(answer, Result.UNKNOWN, "no payment " + answer.paymentId() + " was sent"));
            }
        }
        meters.counter("propos.payments.bank.files", "outcome", "read").increment();
        // A conflict is for FINANCE to look at: worth an alert.
        outcomes.forEach(outcome -> meters.counter("propos.payments.bank.answers", "result",
                outcome.result().wireName()).increment());
        reports.read(id, messageId, originalMessageId, outcomes.stream().map(Outcome::line).toList());
        audit.record(source, "payment_status_report", messageId, Audit.detail("file", originalMessageId,
                "payments", outcomes.size(),
                "applied", outcomes.stream().filter(outcome -> outcome.result() == Result.APPLIED).count()));
        return new Imported(id, messageId, originalMessageId, outcomes);
    }

    // ---- status reports ---------------------------------------------------------------------------

    /** The file's payment ids by block; the report must be on a PropOS file and name only its blocks. */
    private Map<String, List<String>> blocksOf(Pain002Report report) {
        StoredBatch batch = payments.batch(report.originalMessageId()).orElseThrow(() -> new BankFileException(
                "the report is on " + report.originalMessageId() + ", which is not a pain.001 file PropOS wrote"));
        Map<String, List<String>> blocks = Pain001Document.paymentIdsByBlock(batch.document());
        for (GroupStatus group : report.groups()) {
            if (!blocks.containsKey(group.paymentInfoId())) {
                throw new BankFileException("the report names payment block " + group.paymentInfoId()
                        + ", which file " + report.originalMessageId() + " does not have (it has "
                        + String.join(", ", blocks.keySet()) + ")");
            }
        }
        return blocks;
    }

    /** One answer per payment: its own line first, else its block's status, else the file's. */
    private static List<Answer> answersIn(Pain002Report report, Map<String, List<String>> blocks) {
        String file = report.originalMessageId();
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (PaymentStatus payment : report.payments()) {
            answers.put(payment.endToEndId(), statusAnswer(payment.endToEndId(), payment.status(), payment.reasons(),
                    payment.reference(), file));
        }
        for (GroupStatus group : report.groups()) {
            if (group.status() != null) {
                for (String paymentId : blocks.get(group.paymentInfoId())) {
                    answers.putIfAbsent(paymentId, statusAnswer(paymentId, group.status(), group.reasons(), null, file));
                }
            }
        }
        if (report.fileStatus() != null) {
            for (List<String> block : blocks.values()) {
                for (String paymentId : block) {
                    answers.putIfAbsent(paymentId, statusAnswer(paymentId, report.fileStatus(), report.fileReasons(),
                            null, file));
                }
            }
        }
        return new ArrayList<>(answers.values());
    }

    private static Answer statusAnswer(String paymentId, String status, List<StatusReason> reasons, String reference,
                                       String file) {
        return new Answer(paymentId, status, Meaning.of(status), reasons, reference, file, null, null, null);
    }

    // ---- statements -------------------------------------------------------------------------------

    /** One answer per booking; those of payments PropOS did not send are passed over when applied. */
    private static List<Answer> answersIn(BankStatement statement) {
        List<Answer> found = new ArrayList<>();
        for (BankStatement.Booking booking : statement.bookings()) {
            Meaning meaning = !booking.isPayment() ? Meaning.REJECTED
                    : booking.status().equals("BOOK") ? Meaning.PAID : Meaning.IN_PROGRESS;
            String status = booking.isPayment() ? booking.status() : booking.reversal() ? "RVSL" : "RTRN";
            Long amountCents = booking.amount() == null ? null : Money.toCents(booking.amount());
            found.add(new Answer(booking.endToEndId(), status, meaning, booking.reasons(), booking.reference(), null,
                    booking.bookedOn(), amountCents, booking.currency()));
        }
        return found;
    }

    // ---- applying ---------------------------------------------------------------------------------

    private Outcome apply(Answer answer, RailPayment payment, String messageId) {
        if (isOnAnEarlierAttempt(answer, payment)) {
            return outcome(answer, Result.SUPERSEDED, "the payment went out again "
                    + (payment.batchMessageId() == null ? "and waits for the next file"
                    : "in file " + payment.batchMessageId()) + ": this answer is on an earlier attempt");
        }
        try {
            return switch (answer.meaning()) {
                case IN_PROGRESS -> outcome(answer, Result.IN_PROGRESS,
                        answer.reasons().isEmpty() ? "the bank has it" : answer.reasonsInWords());
                case PAID -> paid(answer, payment, messageId);
                case REJECTED -> rejected(answer, payment);
            };
        } catch (RuntimeException e) {
            // The payout side could not take it (say, FINANCE marked it failed meanwhile): for a person.
            return outcome(answer, Result.CONFLICT, e.getMessage());
        }
    }

    /**
     * Whether the answer is on an attempt before the payment's current one: a status report on
     * another file than the one it is in now, or a booking dated before the current attempt was
     * made (a day's slack for the bank's time zone).
     */
    private static boolean isOnAnEarlierAttempt(Answer answer, RailPayment payment) {
        if (payment.batchMessageId() == null) {
            return true;
        }
        if (answer.file() != null) {
            return !answer.file().equals(payment.batchMessageId());
        }
        LocalDate attemptDay = LocalDate.ofInstant(payment.submittedAt(), ZoneOffset.UTC);
        return answer.bookedOn() != null && answer.bookedOn().isBefore(attemptDay.minusDays(1));
    }

    private Outcome paid(Answer answer, RailPayment payment, String messageId) {
        PaymentInstruction sent = payment.instruction();
        if (answer.amountCents() != null && (answer.amountCents() != sent.amountCents()
                || (answer.currency() != null && !answer.currency().equals(sent.currency())))) {
            return outcome(answer, Result.CONFLICT, "the bank booked " + Money.format(answer.amountCents()) + " "
                    + answer.currency() + ", PropOS sent " + Money.format(sent.amountCents()) + " " + sent.currency());
        }
        String reference = answer.reference() != null ? answer.reference() : messageId;
        return switch (payment.status()) {
            case "paid" -> outcome(answer, Result.ALREADY, "paid already, reference " + payment.reference());
            case "rejected" -> outcome(answer, Result.CONFLICT, "recorded as rejected (" + payment.reason()
                    + "); the bank now reports it settled: check with the bank");
            default -> {
                answers.paid(answer.paymentId(), reference, BANK);
                yield outcome(answer, Result.APPLIED, "paid, reference " + reference);
            }
        };
    }

    private Outcome rejected(Answer answer, RailPayment payment) {
        String what = switch (answer.status()) {
            case "CANC" -> "the bank cancelled it";
            case "RTRN" -> "the beneficiary's bank returned it";
            case "RVSL" -> "the bank reversed it";
            default -> "the bank rejected it";
        };
        String reason = what + (answer.reasons().isEmpty() ? "" : ": " + answer.reasonsInWords());
        return switch (payment.status()) {
            case "rejected" -> outcome(answer, Result.ALREADY, "rejected already: " + payment.reason());
            case "paid" -> outcome(answer, Result.CONFLICT, "recorded as paid (reference " + payment.reference()
                    + "); the bank now reports it not paid: a return is booked by FINANCE");
            default -> {
                answers.rejected(answer.paymentId(), reason, answer.needsNewBankDetails(), BANK);
                yield outcome(answer, Result.APPLIED, reason);
            }
        };
    }

    private static Outcome outcome(Answer answer, Result result, String detail) {
        return new Outcome(answer.paymentId(), answer.status(), result, detail);
    }

}
