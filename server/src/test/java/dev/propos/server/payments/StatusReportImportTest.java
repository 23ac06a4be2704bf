package dev.propos.server.payments;

import static dev.propos.server.payments.RailFixture.payout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.propos.server.payments.Pain002Samples.Line;
import dev.propos.server.payments.StatusReportImport.Outcome;
import dev.propos.server.payments.StatusReportImport.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What banks say of PropOS's payments, over a real database: status reports on its pain.001 files
 * and statements of the firm's account. Settled payments are paid, rejected or returned ones are
 * not, a block's or the file's status covers the payments it does not list, a file taken twice
 * changes nothing, and what cannot be applied is said and kept.
 */
class StatusReportImportTest {

    @RegisterExtension
    static final RailFixture fixture = new RailFixture();

    @TempDir
    Path outbox;
    @TempDir
    Path inbox;
    Pain001Rail rail;
    StatusReportImport reports;
    StatusReportStore received;

    @BeforeEach
    void rail() {
        RailFixture.Rails rails = fixture.rails(outbox, RailFixture.FIRM);
        rail = rails.pain001();
        reports = fixture.statusReports(rails);
        received = new StatusReportStore(fixture.jdbc);
    }

    @Test
    void settledPaymentsArePaidRejectedOnesAreNotAndPendingOnesWait() {
        PaymentBatch file = file("P-1", "P-2", "P-3", "P-4");

        StatusReportImport.Imported imported = reports.importReport(Pain002Samples.report("BANK-1", file.messageId(),
                "PART", Line.settled("P-1", "COBA-55871"), Line.rejected("P-2", "AC04", "account closed"),
                new Line("P-3", "ACSP", null, null, null)), "api:fin");

        assertThat(imported.outcomes()).containsExactly(
                new Outcome("P-1", "ACSC", Result.APPLIED, "paid, reference COBA-55871"),
                new Outcome("P-2", "RJCT", Result.APPLIED,
                        "the bank rejected it: AC04 (closed account number): account closed"),
                new Outcome("P-3", "ACSP", Result.IN_PROGRESS, "the bank has it"),
                // PART for the file says nothing of P-4 by itself
                new Outcome("P-4", "PART", Result.IN_PROGRESS, "the bank has it"));
        assertThat(rail.status("P-1")).isEqualTo(new RailStatus.Paid(RailName.PAIN001, "COBA-55871", RailFixture.START));
        assertThat(((RailStatus.Rejected) rail.status("P-2")).reason()).contains("AC04 (closed account number)");
        assertThat(fixture.rejectedForBankDetails).as("a closed account: new bank details needed")
                .containsExactly(java.util.Map.entry("P-2", true));
        assertThat(rail.status("P-3")).isInstanceOf(RailStatus.Submitted.class);
        assertThat(rail.status("P-4")).isInstanceOf(RailStatus.Submitted.class);
        StatusReportStore.ReceivedReport stored = received.latest(1).getFirst();
        assertThat(stored.messageId()).isEqualTo("BANK-1");
        assertThat(stored.source()).isEqualTo("api:fin");
        assertThat(stored.outcomes()).hasSize(4).first().isEqualTo("P-1 ACSC applied: paid, reference COBA-55871");
        assertThat(auditActions()).containsExactly("payment_status_report");
    }

    @Test
    void theSameReportTwiceChangesNothing() {
        PaymentBatch file = file("P-1", "P-2");
        String report = Pain002Samples.report("BANK-2", file.messageId(), null, Line.settled("P-1", "REF-1"),
                Line.rejected("P-2", "MS03", null));
        reports.importReport(report, "inbox:a.xml");

        StatusReportImport.Imported again = reports.importReport(report, "inbox:a-again.xml");

        assertThat(again.outcomes()).extracting(Outcome::result).containsExactly(Result.ALREADY, Result.ALREADY);
        assertThat(again.outcomes().getFirst().detail()).isEqualTo("paid already, reference REF-1");
        assertThat(rail.status("P-1")).isInstanceOf(RailStatus.Paid.class);
        assertThat(received.latest(10)).hasSize(2);
    }

    @Test
    void aRejectedFileRejectsEveryPaymentInItThatIsNotAnsweredOneByOne() {
        PaymentBatch file = file("P-1", "P-2", "P-3");
        String xml = Pain002Samples.report("BANK-3", file.messageId(), "RJCT", Line.settled("P-2", "REF-2"))
                .replace("<GrpSts>RJCT</GrpSts>", "<GrpSts>RJCT</GrpSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf>");

        List<Outcome> outcomes = reports.importReport(xml, "api:fin").outcomes();

        assertThat(outcomes).extracting(Outcome::paymentId, Outcome::status, Outcome::result).containsExactly(
                tuple("P-2", "ACSC", Result.APPLIED),
                tuple("P-1", "RJCT", Result.APPLIED),
                tuple("P-3", "RJCT", Result.APPLIED));
        assertThat(((RailStatus.Rejected) rail.status("P-3")).reason())
                .isEqualTo("the bank rejected it: AM04 (insufficient funds)");
        assertThat(fixture.rejectedForBankDetails).as("the firm's funds: the same details will do")
                .containsEntry("P-3", false);
    }

    @Test
    void aBlocksStatusCoversOnlyThatBlock() {
        // Two execution dates: two payment information blocks in one file.
        rail.submit(payout("P-1", 100_00));
        rail.submit(withDate(payout("P-2", 200_00), LocalDate.of(2026, 11, 30)));
        PaymentBatch file = rail.writeBatch().orElseThrow();
        String xml = Pain002Samples.report("BANK-4", file.messageId(), null).replace("</OrgnlGrpInfAndSts>",
                "</OrgnlGrpInfAndSts><OrgnlPmtInfAndSts><OrgnlPmtInfId>" + file.messageId() + "-2</OrgnlPmtInfId>"
                        + "<PmtInfSts>CANC</PmtInfSts></OrgnlPmtInfAndSts>");

        List<Outcome> outcomes = reports.importReport(xml, "api:fin").outcomes();

        assertThat(outcomes).containsExactly(new Outcome("P-2", "CANC", Result.APPLIED, "the bank cancelled it"));
        assertThat(rail.status("P-1")).isInstanceOf(RailStatus.Submitted.class);
    }

    @Test
    void anAnswerOnAnEarlierAttemptDoesNotTouchTheNextOne() {
        PaymentBatch first = file("P-1");
        String rejection = Pain002Samples.report("BANK-5", first.messageId(), null, Line.rejected("P-1", "AC01", null));
        reports.importReport(rejection, "api:fin");
        fixture.clock.advance(Duration.ofDays(1));
        rail.submit(payout("P-1", 100_00, "GB82 WEST 1234 5698 7654 32"));
        PaymentBatch second = rail.writeBatch().orElseThrow();

        List<Outcome> outcomes = reports.importReport(rejection, "api:fin").outcomes();

        assertThat(outcomes).containsExactly(new Outcome("P-1", "RJCT", Result.SUPERSEDED,
                "the payment went out again in file " + second.messageId() + ": this answer is on an earlier attempt"));
        assertThat(rail.status("P-1")).isInstanceOf(RailStatus.Submitted.class);
    }

    @Test
    void contradictionsAndUnknownPaymentsAreLeftForFinance() {
        PaymentBatch file = file("P-1");
        reports.importReport(Pain002Samples.report("BANK-6", file.messageId(), null, Line.settled("P-1", "REF-1")),
                "api:fin");

        List<Outcome> outcomes = reports.importReport(Pain002Samples.report("BANK-7", file.messageId(), null,
                Line.rejected("P-1", "AC04", null), Line.settled("P-404", "REF-X")), "api:fin").outcomes();

        assertThat(outcomes).containsExactly(
                new Outcome("P-1", "RJCT", Result.CONFLICT, "recorded as paid (reference REF-1); the bank now reports"
                        + " it not paid: a return is booked by FINANCE"),
                new Outcome("P-404", "ACSC", Result.UNKNOWN, "no payment P-404 was sent"));
        assertThat(rail.status("P-1")).isInstanceOf(RailStatus.Paid.class);
        assertThat(fixture.meters.counter("propos.payments.bank.answers", "result", "conflict").count())
                .as("for an alert").isEqualTo(1);
    }

    @Test
    void aReportOnAFileThatPropOsDidNotWriteIsRefusedAndKept() {
        file("P-1");
        String xml = Pain002Samples.report("BANK-8", "OTHER-FILE-1", "ACSC");

        assertThatThrownBy(() -> reports.importReport(xml, "api:fin")).isInstanceOf(BankFileException.class)
                .hasMessage("the report is on OTHER-FILE-1, which is not a pain.001 file PropOS wrote");

        StatusReportStore.ReceivedReport kept = received.latest(1).getFirst();
        assertThat(kept.error()).contains("OTHER-FILE-1");
        assertThat(fixture.jdbc.sql("select document from payment_status_reports where id = ?").param(kept.id())
                .query(String.class).single()).isEqualTo(xml);
        assertThat(rail.status("P-1")).isInstanceOf(RailStatus.Submitted.class);
        assertThat(auditActions()).containsExactly("payment_status_report_refused");
        assertThat(fixture.meters.counter("propos.payments.bank.files", "outcome", "refused").count()).isEqualTo(1);
    }

    @Test
    void aDebitNotificationPaysThePaymentsItBooksAndPassesOverTheFirmsOtherBookings() {
        file("P-1", "P-2");
        String notification = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>NTF-2026-11-26-01</MsgId><CreDtTm>2026-11-26T18:00:00+01:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>NTF-1</Id>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
                      <Ntry>
                        <Amt Ccy="USD">100.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2026-11-26</Dt></BookgDt><AcctSvcrRef>ENTRY-77</AcctSvcrRef>
                        <NtryDtls><TxDtls><Refs><EndToEndId>P-1</EndToEndId><AcctSvcrRef>TX-551</AcctSvcrRef></Refs>
                          <Amt Ccy="USD">100.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls></NtryDtls>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="USD">2500.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <NtryDtls><TxDtls><Refs><EndToEndId>RENT-NOV</EndToEndId></Refs></TxDtls></NtryDtls>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="USD">100.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
                        <NtryDtls><TxDtls><Refs><EndToEndId>P-2</EndToEndId></Refs></TxDtls></NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """;

        StatusReportImport.Imported imported = reports.importReport(notification, "inbox:ntf.xml");

        assertThat(imported.messageId()).isEqualTo("NTF-2026-11-26-01");
        assertThat(imported.originalMessageId()).isNull();
        assertThat(imported.outcomes()).containsExactly(
                new Outcome("P-1", "BOOK", Result.APPLIED, "paid, reference TX-551"),
                new Outcome("P-2", "PDNG", Result.IN_PROGRESS, "the bank has it"));
        assertThat(rail.status("P-1")).isEqualTo(new RailStatus.Paid(RailName.PAIN001, "TX-551", RailFixture.START));
        assertThat(reports.importReport(notification, "inbox:ntf-again.xml").outcomes().getFirst().result())
                .isEqualTo(Result.ALREADY);
    }

    @Test
    void aStatementsReturnFailsThePaymentAndAnotherAmountIsLeftForFinance() {
        PaymentBatch file = file("P-1", "P-2", "P-3");
        reports.importReport(Pain002Samples.report("BANK-10", file.messageId(), null,
                Line.settled("P-3", "REF-3")), "api:fin");
        // Version 2: the status as text, the transaction's amount in AmtDtls.
        String statement = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-331</MsgId><CreDtTm>2026-11-27T06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>331</Id>
                      <Ntry>
                        <Amt Ccy="USD">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><DtTm>2026-11-27T09:15:00+01:00</DtTm></BookgDt>
                        <NtryDtls><TxDtls><Refs><EndToEndId>P-2</EndToEndId></Refs>
                          <AmtDtls><TxAmt><Amt Ccy="USD">100.00</Amt></TxAmt></AmtDtls>
                          <RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>account closed</AddtlInf></RtrInf></TxDtls></NtryDtls>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="USD">99.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                        <NtryDtls><TxDtls><Refs><EndToEndId>P-1</EndToEndId></Refs></TxDtls></NtryDtls>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="USD">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <NtryDtls><TxDtls><Refs><EndToEndId>P-3</EndToEndId></Refs>
                          <RtrInf><Rsn><Cd>MD07</Cd></Rsn></RtrInf></TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;

        List<Outcome> outcomes = reports.importReport(statement, "inbox:stmt.xml").outcomes();

        assertThat(outcomes).containsExactly(
                new Outcome("P-2", "RTRN", Result.APPLIED,
                        "the beneficiary's bank returned it: AC04 (closed account number): account closed"),
                new Outcome("P-1", "BOOK", Result.CONFLICT, "the bank booked 99.00 USD, PropOS sent 100.00 USD"),
                new Outcome("P-3", "RTRN", Result.CONFLICT, "recorded as paid (reference REF-3); the bank now reports"
                        + " it not paid: a return is booked by FINANCE"));
        assertThat(rail.status("P-2")).isInstanceOf(RailStatus.Rejected.class);
        assertThat(rail.status("P-1")).isInstanceOf(RailStatus.Submitted.class);
    }

    @Test
    void aFileThatIsNeitherAStatusReportNorAStatementIsRefused() {
        assertThatThrownBy(() -> reports.importReport(
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>", "api:fin"))
                .isInstanceOf(BankFileException.class)
                .hasMessage("neither a pain.002 status report nor a camt.053 or camt.054 statement: the document's"
                        + " namespace is urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
    }

    @Test
    void theInboxImportsSettledFilesAndSetsAsideRefusedOnes() throws IOException {
        PaymentBatch file = file("P-1");
        Path good = write("01-report.xml", Pain002Samples.report("BANK-9", file.messageId(), null,
                Line.settled("P-1", "REF-9")), true);
        Path bad = write("02-broken.xml", "<Document>", true);
        Path writing = write("03-still-writing.xml", "<Docu", false);
        Path hidden = write(".04-hidden.xml", "<Document/>", true);
        StatusReportInbox box = new StatusReportInbox(reports, new PaymentSettings("pain001", outbox,
                null, 0, RailFixture.FIRM, inbox, null));

        assertThat(box.importAll()).isEqualTo(2);

        assertThat(rail.status("P-1")).isEqualTo(new RailStatus.Paid(RailName.PAIN001, "REF-9", RailFixture.START));
        assertThat(inbox.resolve("imported").resolve("01-report.xml")).exists();
        assertThat(inbox.resolve("refused").resolve("02-broken.xml")).exists();
        assertThat(Files.readString(inbox.resolve("refused").resolve("02-broken.xml.error.txt")))
                .startsWith("line 1, column 11: ");
        assertThat(good).doesNotExist();
        assertThat(bad).doesNotExist();
        assertThat(writing).as("changed just now: the bank's client may still be writing it").exists();
        assertThat(hidden).exists();
        assertThat(received.latest(10)).extracting(StatusReportStore.ReceivedReport::source)
                .containsExactly("inbox:02-broken.xml", "inbox:01-report.xml");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private PaymentBatch file(String... paymentIds) {
        for (String paymentId : paymentIds) {
            assertThat(rail.submit(payout(paymentId, 100_00))).isInstanceOf(RailSubmission.Accepted.class);
        }
        return rail.writeBatch().orElseThrow();
    }

    private static PaymentInstruction withDate(PaymentInstruction instruction, LocalDate date) {
        return new PaymentInstruction(instruction.paymentId(), instruction.amountCents(), instruction.currency(),
                instruction.beneficiary(), instruction.remittanceInfo(), date);
    }

    private Path write(String name, String content, boolean settled) throws IOException {
        Path file = Files.writeString(inbox.resolve(name), content);
        if (settled) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        }
        return file;
    }

    private List<String> auditActions() {
        return fixture.jdbc.sql("select action from audit_log order by id").query(String.class).list();
    }
}
