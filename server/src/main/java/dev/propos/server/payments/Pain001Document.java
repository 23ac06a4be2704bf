package dev.propos.server.payments;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PostalAddress24;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pain.001.001.09 customer credit-transfer initiation for a batch of payouts, built with
 * Prowide's ISO 20022 model and written by its XML writer. One payment information block per
 * execution date (the date is set per block), one credit transfer per payout with the payout id as
 * EndToEndId, amounts with exactly two decimals from the cents.
 */
final class Pain001Document {

    /** The bank's placeholder when the debtor agent is identified by the IBAN alone. */
    static final String NOT_PROVIDED = "NOTPROVIDED";

    private Pain001Document() {
    }

    /**
     * The XML of the batch. Execution dates before the creation day become the creation day: a
     * payout retried later is paid as soon as possible, not refused for a date in the past.
     */
    static String xml(String messageId, Instant createdAt, PaymentSettings.Debtor debtor,
                      List<PaymentInstruction> payments) {
        LocalDate creationDay = LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
        Map<LocalDate, List<PaymentInstruction>> byDate = new TreeMap<>();
        for (PaymentInstruction payment : payments) {
            LocalDate date = payment.requestedExecutionDate().isBefore(creationDay) ? creationDay
                    : payment.requestedExecutionDate();
            byDate.computeIfAbsent(date, d -> new ArrayList<>()).add(payment);
        }

        CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
                .setGrpHdr(new GroupHeader85()
                        .setMsgId(messageId)
                        .setCreDtTm(OffsetDateTime.ofInstant(createdAt.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC))
                        .setNbOfTxs(Integer.toString(payments.size()))
                        .setCtrlSum(decimal(controlSumCents(payments)))
                        .setInitgPty(new PartyIdentification135().setNm(debtor.name())));
        int block = 0;
        for (Map.Entry<LocalDate, List<PaymentInstruction>> date : byDate.entrySet()) {
            block++;
            PaymentInstruction30 information = new PaymentInstruction30()
                    .setPmtInfId(messageId + "-" + block)
                    .setPmtMtd(PaymentMethod3Code.TRF)
                    // One statement line per payout, so that each can be reconciled with its payout.
                    .setBtchBookg(false)
                    .setNbOfTxs(Integer.toString(date.getValue().size()))
                    .setCtrlSum(decimal(controlSumCents(date.getValue())))
                    .setReqdExctnDt(new DateAndDateTime2Choice().setDt(date.getKey()))
                    .setDbtr(new PartyIdentification135().setNm(debtor.name()))
                    .setDbtrAcct(account(debtor.iban()))
                    .setDbtrAgt(debtorAgent(debtor.bic()));
            date.getValue().forEach(payment -> information.getCdtTrfTxInf().add(transfer(payment)));
            initiation.getPmtInf().add(information);
        }

        MxWriteConfiguration configuration = new MxWriteConfiguration();
        // Banks' parsers expect the ISO namespace as the default one, without a prefix.
        configuration.documentPrefix = null;
        configuration.includeXMLDeclaration = true;
        String xml = new MxPain00100109().setCstmrCdtTrfInitn(initiation).message(configuration);
        if (xml == null) {
            throw new IllegalStateException("the ISO 20022 writer could not write pain.001 message " + messageId);
        }
        return xml;
    }

    /**
     * The payment ids of a file PropOS wrote, by payment information block (PmtInfId), in file
     * order: what a bank's answer on a whole block applies to.
     */
    static Map<String, List<String>> paymentIdsByBlock(String xml) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        for (PaymentInstruction30 block : MxPain00100109.parse(xml).getCstmrCdtTrfInitn().getPmtInf()) {
            blocks.put(block.getPmtInfId(), block.getCdtTrfTxInf().stream()
                    .map(transfer -> transfer.getPmtId().getEndToEndId()).toList());
        }
        return blocks;
    }

    static long controlSumCents(List<PaymentInstruction> payments) {
        long sum = 0;
        for (PaymentInstruction payment : payments) {
            sum = Math.addExact(sum, payment.amountCents());
        }
        return sum;
    }

    /** Cents as the exact decimal with two places the message carries: 12345 -> 123.45. */
    static BigDecimal decimal(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static CreditTransferTransaction34 transfer(PaymentInstruction payment) {
        Beneficiary beneficiary = payment.beneficiary();
        CreditTransferTransaction34 transfer = new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setEndToEndId(payment.paymentId()))
                .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setValue(decimal(payment.amountCents()))
                        .setCcy(payment.currency())))
                .setCdtr(new PartyIdentification135()
                        .setNm(beneficiary.name())
                        .setPstlAdr(new PostalAddress24().setCtry(beneficiary.country())))
                .setCdtrAcct(account(beneficiary.iban()));
        if (beneficiary.bic() != null) {
            transfer.setCdtrAgt(new BranchAndFinancialInstitutionIdentification6()
                    .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(beneficiary.bic())));
        }
        RemittanceInformation16 remittance = new RemittanceInformation16();
        remittance.getUstrd().add(payment.remittanceInfo());
        return transfer.setRmtInf(remittance);
    }

    private static CashAccount38 account(String iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    private static BranchAndFinancialInstitutionIdentification6 debtorAgent(String bic) {
        FinancialInstitutionIdentification18 institution = bic != null
                ? new FinancialInstitutionIdentification18().setBICFI(bic)
                : new FinancialInstitutionIdentification18().setOthr(new GenericFinancialIdentification1().setId(NOT_PROVIDED));
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(institution);
    }
}
