package dev.propos.server.payments;

import static dev.propos.server.payments.IsoXml.children;
import static dev.propos.server.payments.IsoXml.optionalText;
import static dev.propos.server.payments.IsoXml.reasons;
import static dev.propos.server.payments.IsoXml.required;
import static dev.propos.server.payments.IsoXml.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * A bank's ISO 20022 Customer Payment Status Report (pain.002) on a pain.001 file: the status of
 * the whole file, of its payment groups and of single payments, each with the bank's reasons.
 *
 * <p>Read by element names ({@link IsoXml}), which versions .03 to .14 share for everything read
 * here, so that a bank still on pain.002.001.03 and one on .10 (the pair of the pain.001.001.09
 * PropOS writes) are read alike.
 *
 * @param messageId         the report's own message id
 * @param originalMessageId the pain.001 file it reports on (PropOS's batch message id)
 * @param fileStatus        the status of the whole file, or null when the bank gives none
 * @param fileReasons       the bank's reasons for it
 * @param groups            statuses of payment groups (PmtInf)
 * @param payments          statuses of single payments
 */
public record Pain002Report(String messageId, String originalMessageId, String fileStatus, List<StatusReason> fileReasons,
                            List<GroupStatus> groups, List<PaymentStatus> payments) {

    private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:pain\\.002\\.001\\.\\d\\d");

    /** A payment group's status (pain.002 OrgnlPmtInfAndSts); {@code status} null when only its payments have one. */
    public record GroupStatus(String paymentInfoId, String status, List<StatusReason> reasons) {
    }

    /**
     * A payment's status (TxInfAndSts): {@code endToEndId} is PropOS's payment id; {@code reference}
     * the bank's for it (account servicer's, else the clearing system's), or null.
     */
    public record PaymentStatus(String paymentInfoId, String endToEndId, String status, List<StatusReason> reasons,
                                String reference) {
    }

    /** What an ISO 20022 status code means for a payment. */
    public enum Meaning {
        /** Settled: ACSC (the firm's account debited), ACCC (the beneficiary's credited). */
        PAID,
        /** Not paid: RJCT, or CANC (cancelled on request). */
        REJECTED,
        /** Anything else: received, accepted, pending; the answer is still to come. */
        IN_PROGRESS;

        public static Meaning of(String status) {
            return switch (status) {
                case "ACSC", "ACCC" -> PAID;
                case "RJCT", "CANC" -> REJECTED;
                default -> IN_PROGRESS;
            };
        }
    }

    /**
     * Reads a report.
     *
     * @throws BankFileException when it is not well-formed XML, not a pain.002 or lacks what it
     *                           must say, with the line (or the element) where
     */
    public static Pain002Report parse(String xml) {
        return read(IsoXml.root(xml));
    }

    static boolean isOne(Element root) {
        return NAMESPACE.matcher(String.valueOf(root.getNamespaceURI())).matches();
    }

    static Pain002Report read(Element root) {
        IsoXml.requireNamespace(root, NAMESPACE, "a pain.002 status report (urn:iso:std:iso:20022:tech:xsd:pain.002.001.NN)");
        Element report = required(root, "CstmrPmtStsRpt");
        Element header = required(report, "GrpHdr");
        Element original = required(report, "OrgnlGrpInfAndSts");
        List<GroupStatus> groups = new ArrayList<>();
        List<PaymentStatus> payments = new ArrayList<>();
        for (Element group : children(report, "OrgnlPmtInfAndSts")) {
            String paymentInfoId = text(required(group, "OrgnlPmtInfId"));
            groups.add(new GroupStatus(paymentInfoId, optionalText(group, "PmtInfSts"), reasons(group, "StsRsnInf")));
            for (Element payment : children(group, "TxInfAndSts")) {
                Element endToEnd = required(payment, "OrgnlEndToEndId");
                String status = optionalText(payment, "TxSts");
                if (status == null) {
                    throw new BankFileException("payment " + text(endToEnd) + " in group " + paymentInfoId
                            + " has no TxSts");
                }
                String reference = optionalText(payment, "AcctSvcrRef");
                payments.add(new PaymentStatus(paymentInfoId, text(endToEnd), status, reasons(payment, "StsRsnInf"),
                        reference != null ? reference : optionalText(payment, "ClrSysRef")));
            }
        }
        return new Pain002Report(text(required(header, "MsgId")), text(required(original, "OrgnlMsgId")),
                optionalText(original, "GrpSts"), reasons(original, "StsRsnInf"), List.copyOf(groups),
                List.copyOf(payments));
    }
}
