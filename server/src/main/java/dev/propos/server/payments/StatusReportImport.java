package dev.propos.server.payments;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.propos.server.audit.Audit;
import dev.propos.server.payments.Pain002Report.GroupStatus;
import dev.propos.server.payments.Pain002Report.Meaning;
import dev.propos.server.payments.Pain002Report.Pain002Exception;
import dev.propos.server.payments.Pain002Report.PaymentStatus;
import dev.propos.server.payments.RailPaymentStore.RailPayment;
import dev.propos.server.payments.RailPaymentStore.StoredBatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Takes a bank's status report (pain.002) on a pain.001 file and acts on it: a payment the bank
 * settled is paid, one it rejected fails (and its payout is tried again), through
 * {@link PaymentAnswers}. The report is stored as received before it is read, so that a report
 * refused (not a pain.002, not on a PropOS file) is kept for inspection.
 *
 * <p>Importing a report again changes nothing: answers already recorded are reported as such. An
 * answer about an earlier attempt of a payment that has since gone out again is not applied to
 * the new attempt; an answer that contradicts one recorded (paid, now rejected) is left for
 * FINANCE. A status on a whole payment block or file applies to those of its payments the report
 * does not answer one by one.
 */
@Component
class StatusReportImport {

    /** The bank's actor on a payout's steps. */
    static final String BANK = "bank";

    /** What was done with one payment the report names. */
    public enum Result {
        APPLIED, IN_PROGRESS, ALREADY, SUPERSEDED, UNKNOWN, CONFLICT;

        @JsonValue
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One payment's line of a report: the bank's status code and what PropOS did. */
    public record Outcome(String paymentId, String status, Result result, String detail) {

        String line() {
            return paymentId + " " + status + " " + result.wireName() + ": " + detail;
        }
    }

    /** A report read and acted on. */
    public record Imported(long reportId, String messageId, String originalMessageId, List<Outcome> outcomes) {
    }

    /** The bank's answer about one payment, from the report's line on it or on its block or file. */
    private record Answer(String paymentId, String status, List<String> reasons, String reference) {
    }

    private final StatusReportStore reports;
    private final RailPaymentStore payments;
    private final PaymentAnswers answers;
    private final Audit audit;
    private final Clock clock;

    StatusReportImport(StatusReportStore reports, RailPaymentStore payments, PaymentAnswers answers, Audit audit,
                       Clock clock) {
        this.reports = reports;
        this.payments = payments;
        this.answers = answers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores, reads and applies a report.
     *
     * @param source who handed it in ({@code api:<user>}, {@code inbox:<file>}), for the record
     * @throws Pain002Exception when it cannot be read or is not about a file PropOS wrote; it is
     *                          kept, refused, and nothing is applied
     */
    public Imported importReport(String xml, String source) {
        long id = reports.received(source, xml, clock.instant());
        Pain002Report report;
        Map<String, List<String>> blocks;
        try {
            report = Pain002Report.parse(xml);
            blocks = blocksOf(report);
        } catch (Pain002Exception e) {
            reports.refused(id, e.getMessage());
            audit.record(source, "payment_status_report_refused", Long.toString(id), Audit.detail("error", e.getMessage()));
            throw e;
        }
        List<Outcome> outcomes = answersIn(report, blocks).stream().map(answer -> apply(report, answer)).toList();
        reports.read(id, report.messageId(), report.originalMessageId(), outcomes.stream().map(Outcome::line).toList());
        audit.record(source, "payment_status_report", report.messageId(), Audit.detail("file",
                report.originalMessageId(), "payments", outcomes.size(), "applied",
                outcomes.stream().filter(outcome -> outcome.result() == Result.APPLIED).count()));
        return new Imported(id, report.messageId(), report.originalMessageId(), outcomes);
    }

    /** The file's payment ids by block; the report must be on a PropOS file and name only its blocks. */
    private Map<String, List<String>> blocksOf(Pain002Report report) {
        StoredBatch batch = payments.batch(report.originalMessageId()).orElseThrow(() -> new Pain002Exception(
                "the report is on " + report.originalMessageId() + ", which is not a pain.001 file PropOS wrote"));
        Map<String, List<String>> blocks = Pain001Document.paymentIdsByBlock(batch.document());
        for (GroupStatus group : report.groups()) {
            if (!blocks.containsKey(group.paymentInfoId())) {
                throw new Pain002Exception("the report names payment block " + group.paymentInfoId()
                        + ", which file " + report.originalMessageId() + " does not have (it has "
                        + String.join(", ", blocks.keySet()) + ")");
            }
        }
        return blocks;
    }

    /** One answer per payment: its own line first, else its block's status, else the file's. */
    private static List<Answer> answersIn(Pain002Report report, Map<String, List<String>> blocks) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (PaymentStatus payment : report.payments()) {
            answers.put(payment.endToEndId(), new Answer(payment.endToEndId(), payment.status(), payment.reasons(),
                    payment.reference()));
        }
        for (GroupStatus group : report.groups()) {
            if (group.status() != null) {
                for (String paymentId : blocks.get(group.paymentInfoId())) {
                    answers.putIfAbsent(paymentId, new Answer(paymentId, group.status(), group.reasons(), null));
                }
            }
        }
        if (report.fileStatus() != null) {
            for (List<String> block : blocks.values()) {
                for (String paymentId : block) {
                    answers.putIfAbsent(paymentId, new Answer(paymentId, report.fileStatus(), report.fileReasons(), null));
                }
            }
        }
        return new ArrayList<>(answers.values());
    }

    private Outcome apply(Pain002Report report, Answer answer) {
        Optional<RailPayment> found = payments.find(answer.paymentId());
        if (found.isEmpty()) {
            return outcome(answer, Result.UNKNOWN, "no payment " + answer.paymentId() + " was sent");
        }
        RailPayment payment = found.get();
        if (!report.originalMessageId().equals(payment.batchMessageId())) {
            return outcome(answer, Result.SUPERSEDED, "the payment went out again "
                    + (payment.batchMessageId() == null ? "and waits for the next file"
                    : "in file " + payment.batchMessageId()) + ": this answer is on an earlier attempt");
        }
        try {
            return switch (Meaning.of(answer.status())) {
                case IN_PROGRESS -> outcome(answer, Result.IN_PROGRESS,
                        answer.reasons().isEmpty() ? "the bank has it" : String.join("; ", answer.reasons()));
                case PAID -> paid(report, answer, payment);
                case REJECTED -> rejected(answer, payment);
            };
        } catch (RuntimeException e) {
            // The payout side could not take it (say, FINANCE marked it failed meanwhile): for a person.
            return outcome(answer, Result.CONFLICT, e.getMessage());
        }
    }

    private Outcome paid(Pain002Report report, Answer answer, RailPayment payment) {
        String reference = answer.reference() != null ? answer.reference() : report.messageId();
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
        String reason = (answer.status().equals("CANC") ? "the bank cancelled it" : "the bank rejected it")
                + (answer.reasons().isEmpty() ? "" : ": " + String.join("; ", answer.reasons()));
        return switch (payment.status()) {
            case "rejected" -> outcome(answer, Result.ALREADY, "rejected already: " + payment.reason());
            case "paid" -> outcome(answer, Result.CONFLICT, "recorded as paid (reference " + payment.reference()
                    + "); the bank now reports it not paid: a return is booked by FINANCE");
            default -> {
                answers.rejected(answer.paymentId(), reason, BANK);
                yield outcome(answer, Result.APPLIED, reason);
            }
        };
    }

    private static Outcome outcome(Answer answer, Result result, String detail) {
        return new Outcome(answer.paymentId(), answer.status(), result, detail);
    }

    /** The latest reports, newest first. */
    List<StatusReportStore.ReceivedReport> latest(int limit) {
        return reports.latest(limit);
    }
}
