package dev.propos.server.payments;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A bank's ISO 20022 Customer Payment Status Report (pain.002) on a pain.001 file: the status of
 * the whole file, of its payment groups and of single payments, each with the bank's reasons.
 *
 * <p>Read by element names, which versions .03 to .14 share for everything read here, so that a
 * bank still on pain.002.001.03 and one on .10 (the pair of the pain.001.001.09 PropOS writes) are
 * read alike. DOCTYPEs are refused (no external entities from a file that came from outside).
 *
 * @param messageId         the report's own message id
 * @param originalMessageId the pain.001 file it reports on (PropOS's batch message id)
 * @param fileStatus        the status of the whole file, or null when the bank gives none
 * @param fileReasons       the bank's reasons for it
 * @param groups            statuses of payment groups (PmtInf)
 * @param payments          statuses of single payments
 */
public record Pain002Report(String messageId, String originalMessageId, String fileStatus, List<String> fileReasons,
                            List<GroupStatus> groups, List<PaymentStatus> payments) {

    private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:pain\\.002\\.001\\.(\\d\\d)");

    /** A payment group's status (pain.002 OrgnlPmtInfAndSts); {@code status} null when only its payments have one. */
    public record GroupStatus(String paymentInfoId, String status, List<String> reasons) {
    }

    /**
     * A payment's status (TxInfAndSts): {@code endToEndId} is PropOS's payment id; {@code reference}
     * the bank's for it (account servicer's, else the clearing system's), or null.
     */
    public record PaymentStatus(String paymentInfoId, String endToEndId, String status, List<String> reasons,
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
     * @throws Pain002Exception when it is not well-formed XML, not a pain.002 or lacks what it must
     *                          say, with the line (or the element) where
     */
    public static Pain002Report parse(String xml) {
        Element root = document(xml).getDocumentElement();
        Matcher version = NAMESPACE.matcher(String.valueOf(root.getNamespaceURI()));
        if (!version.matches()) {
            throw new Pain002Exception("not a pain.002 status report: the document's namespace is "
                    + root.getNamespaceURI() + " (expected urn:iso:std:iso:20022:tech:xsd:pain.002.001.NN)");
        }
        Element report = required(root, "CstmrPmtStsRpt");
        Element header = required(report, "GrpHdr");
        Element original = required(report, "OrgnlGrpInfAndSts");
        List<GroupStatus> groups = new ArrayList<>();
        List<PaymentStatus> payments = new ArrayList<>();
        for (Element group : children(report, "OrgnlPmtInfAndSts")) {
            String paymentInfoId = text(required(group, "OrgnlPmtInfId"));
            groups.add(new GroupStatus(paymentInfoId, optionalText(group, "PmtInfSts"), reasons(group)));
            for (Element payment : children(group, "TxInfAndSts")) {
                Element endToEnd = required(payment, "OrgnlEndToEndId");
                String status = optionalText(payment, "TxSts");
                if (status == null) {
                    throw new Pain002Exception("payment " + text(endToEnd) + " in group " + paymentInfoId
                            + " has no TxSts");
                }
                String reference = optionalText(payment, "AcctSvcrRef");
                payments.add(new PaymentStatus(paymentInfoId, text(endToEnd), status, reasons(payment),
                        reference != null ? reference : optionalText(payment, "ClrSysRef")));
            }
        }
        return new Pain002Report(text(required(header, "MsgId")), text(required(original, "OrgnlMsgId")),
                optionalText(original, "GrpSts"), reasons(original), List.copyOf(groups), List.copyOf(payments));
    }

    /** Each StsRsnInf as "CODE: meaning (the bank's words)", or the words alone. */
    private static List<String> reasons(Element parent) {
        List<String> reasons = new ArrayList<>();
        for (Element info : children(parent, "StsRsnInf")) {
            Element reason = child(info, "Rsn");
            String code = reason == null ? null
                    : optionalText(reason, "Cd") != null ? optionalText(reason, "Cd") : optionalText(reason, "Prtry");
            List<String> words = children(info, "AddtlInf").stream().map(e -> e.getTextContent().trim()).toList();
            reasons.add(StatusReasons.describe(code, String.join(" ", words)));
        }
        return List.copyOf(reasons);
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new Pain002Exception("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new Pain002Exception(e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element required(Element parent, String name) {
        Element child = child(parent, name);
        if (child == null) {
            throw new Pain002Exception(parent.getLocalName() + " has no " + name);
        }
        return child;
    }

    private static String optionalText(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : text(child);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        String text = element.getTextContent().trim();
        if (text.isEmpty()) {
            throw new Pain002Exception(element.getLocalName() + " is empty");
        }
        return text;
    }

    /** A status report that cannot be read: says where and what. */
    public static final class Pain002Exception extends RuntimeException {
        Pain002Exception(String message) {
            super(message);
        }
    }
}
