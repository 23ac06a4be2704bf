package dev.propos.server.payments;

import static dev.propos.server.payments.IsoXml.child;
import static dev.propos.server.payments.IsoXml.children;
import static dev.propos.server.payments.IsoXml.optionalText;
import static dev.propos.server.payments.IsoXml.reasons;
import static dev.propos.server.payments.IsoXml.required;
import static dev.propos.server.payments.IsoXml.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * A bank's statement (camt.053) or debit/credit notification (camt.054) of the firm's account, as
 * far as payouts go: the bookings that name an end-to-end id. Many banks report a credit transfer's
 * settlement only there, not in a status report; a payment returned by the beneficiary's bank comes
 * back there as a credit with the original end-to-end id and the return's reason.
 *
 * <p>Read by element names ({@link IsoXml}), which camt.053 and camt.054 versions .02 to .13 share
 * for everything read here (the entry's status is a code of its own from version .08 on).
 *
 * @param messageId the statement's or notification's message id
 * @param bookings  the bookings that carry an end-to-end id, in document order
 */
public record BankStatement(String messageId, List<Booking> bookings) {

    private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.05[34]\\.001\\.\\d\\d");
    private static final String NOT_PROVIDED = "NOTPROVIDED";

    /**
     * One booking of a payment.
     *
     * @param endToEndId the payment's end-to-end id (PropOS's payment id for its payouts)
     * @param credit     money came in (a returned payout) rather than went out
     * @param reversal   the bank reversed an earlier booking
     * @param status     BOOK (booked), PDNG (pending) or INFO
     * @param bookedOn   the booking date, or null when the bank gives none
     * @param amount     the payment's amount, or null when the bank gives none
     * @param currency   its currency, or null
     * @param reference  the bank's reference for it (the transaction's, else the entry's), or null
     * @param reasons    a return's reasons
     */
    public record Booking(String endToEndId, boolean credit, boolean reversal, String status, LocalDate bookedOn,
                          BigDecimal amount, String currency, String reference, List<StatusReason> reasons) {

        /** Money that went out (or a pending debit) for the payment; otherwise its money came back. */
        public boolean isPayment() {
            return !credit && !reversal;
        }
    }

    static boolean isOne(Element root) {
        return NAMESPACE.matcher(String.valueOf(root.getNamespaceURI())).matches();
    }

    /**
     * Reads a statement or notification.
     *
     * @throws BankFileException when it lacks what it must say, naming the element
     */
    static BankStatement read(Element root) {
        IsoXml.requireNamespace(root, NAMESPACE, "a camt.053 statement or camt.054 notification");
        Element message = child(root, "BkToCstmrStmt") != null ? child(root, "BkToCstmrStmt")
                : required(root, "BkToCstmrDbtCdtNtfctn");
        List<Booking> bookings = new ArrayList<>();
        for (String report : List.of("Stmt", "Ntfctn")) {
            for (Element account : children(message, report)) {
                for (Element entry : children(account, "Ntry")) {
                    bookings.addAll(bookingsIn(entry));
                }
            }
        }
        return new BankStatement(text(required(required(message, "GrpHdr"), "MsgId")), List.copyOf(bookings));
    }

    private static List<Booking> bookingsIn(Element entry) {
        boolean credit = "CRDT".equals(text(required(entry, "CdtDbtInd")));
        boolean reversal = "true".equalsIgnoreCase(optionalText(entry, "RvslInd"));
        Element statusElement = required(entry, "Sts");
        String status = child(statusElement, "Cd") != null ? text(child(statusElement, "Cd")) : text(statusElement);
        LocalDate bookedOn = date(child(entry, "BookgDt"));
        String entryReference = optionalText(entry, "AcctSvcrRef");
        List<Element> transactions = new ArrayList<>();
        for (Element details : children(entry, "NtryDtls")) {
            transactions.addAll(children(details, "TxDtls"));
        }
        List<Booking> bookings = new ArrayList<>();
        for (Element transaction : transactions) {
            Element refs = child(transaction, "Refs");
            String endToEndId = refs == null ? null : optionalText(refs, "EndToEndId");
            if (endToEndId == null || endToEndId.equals(NOT_PROVIDED)) {
                continue;
            }
            // The transaction's own amount (v3 on, or v2's AmtDtls), else the entry's when it is the only one.
            Element amount = child(transaction, "Amt");
            if (amount == null && child(transaction, "AmtDtls") != null && child(child(transaction, "AmtDtls"), "TxAmt") != null) {
                amount = child(child(child(transaction, "AmtDtls"), "TxAmt"), "Amt");
            }
            if (amount == null && transactions.size() == 1) {
                amount = child(entry, "Amt");
            }
            String reference = optionalText(refs, "AcctSvcrRef");
            bookings.add(new Booking(endToEndId, credit, reversal, status, bookedOn,
                    amount == null ? null : new BigDecimal(text(amount)), amount == null ? null : amount.getAttribute("Ccy"),
                    reference != null ? reference : entryReference, reasons(transaction, "RtrInf")));
        }
        return bookings;
    }

    /** A BookgDt's date (Dt, or the date of DtTm as the bank wrote it); null without one. */
    private static LocalDate date(Element dateAndTime) {
        if (dateAndTime == null) {
            return null;
        }
        try {
            String date = optionalText(dateAndTime, "Dt");
            if (date != null) {
                return LocalDate.parse(date);
            }
            String dateTime = optionalText(dateAndTime, "DtTm");
            return dateTime == null ? null : dateTime.length() > 19
                    ? OffsetDateTime.parse(dateTime).toLocalDate() : LocalDate.parse(dateTime.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new BankFileException("BookgDt is not a date: " + e.getParsedString());
        }
    }
}
