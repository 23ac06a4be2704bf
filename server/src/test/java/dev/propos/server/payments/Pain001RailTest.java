package dev.propos.server.payments;

import static dev.propos.server.payments.RailFixture.payout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The pain.001 rail: files the official schema accepts, exact sums, one payment in one file only. */
class Pain001RailTest {

    @RegisterExtension
    static final RailFixture fixture = new RailFixture();

    @TempDir
    Path outbox;
    Pain001Rail rail;

    @BeforeEach
    void rail() {
        rail = fixture.rails(outbox, RailFixture.FIRM).pain001();
    }

    @Test
    void threePayoutsMakeOneFileThatTheSchemaAcceptsWithExactControlSum() throws Exception {
        // 0.10 + 0.20 is not 0.30 in binary floating point; the control sum must be exact.
        for (PaymentInstruction payout : List.of(payout("P-101", 10), payout("P-102", 20), payout("P-103", 123_456_789))) {
            assertThat(rail.submit(payout)).isInstanceOf(RailSubmission.Accepted.class);
            assertThat(rail.status(payout.paymentId())).isInstanceOf(RailStatus.Queued.class);
        }

        PaymentBatch batch = rail.writeBatch().orElseThrow();

        assertThat(batch.paymentIds()).containsExactly("P-101", "P-102", "P-103");
        assertThat(batch.controlSumCents()).isEqualTo(123_456_819);
        assertThat(filesIn(outbox)).containsExactly(batch.file().getFileName().toString());
        String xml = Files.readString(batch.file(), StandardCharsets.UTF_8);
        assertValidAgainstOfficialSchema(xml);

        Document document = parse(xml);
        assertThat(text(document, "//GrpHdr/MsgId")).containsExactly(batch.messageId());
        assertThat(batch.messageId()).isEqualTo("PROPOS-20261125-000001");
        assertThat(text(document, "//GrpHdr/CreDtTm").getFirst()).startsWith("2026-11-25T15:30:00");
        assertThat(text(document, "//GrpHdr/NbOfTxs")).containsExactly("3");
        assertThat(text(document, "//GrpHdr/CtrlSum")).containsExactly("1234568.19");
        assertThat(text(document, "//PmtInf/CtrlSum")).containsExactly("1234568.19");
        assertThat(text(document, "//PmtInf/ReqdExctnDt/Dt")).containsExactly("2026-11-26");
        assertThat(text(document, "//CdtTrfTxInf/PmtId/EndToEndId")).containsExactly("P-101", "P-102", "P-103");
        assertThat(text(document, "//CdtTrfTxInf/Amt/InstdAmt")).containsExactly("0.10", "0.20", "1234567.89");
        assertThat(text(document, "//CdtTrfTxInf/Amt/InstdAmt/@Ccy")).containsExactly("USD", "USD", "USD");
        assertThat(text(document, "//CdtTrfTxInf/CdtrAcct/Id/IBAN")).containsOnly("DE75512108001245126199");
        assertThat(text(document, "//CdtTrfTxInf/RmtInf/Ustrd"))
                .containsExactly("PropOS payout P-101 account PA100001", "PropOS payout P-102 account PA100001",
                        "PropOS payout P-103 account PA100001");
        assertThat(text(document, "//PmtInf/Dbtr/Nm")).containsExactly("PropOS Demo Firm Ltd");
        assertThat(text(document, "//PmtInf/DbtrAcct/Id/IBAN")).containsExactly("DE89370400440532013000");
        assertThat(text(document, "//PmtInf/DbtrAgt/FinInstnId/BICFI")).containsExactly("COBADEFFXXX");
        assertThat(document.getDocumentElement().getNamespaceURI())
                .isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");

        assertThat(rail.status("P-102")).isEqualTo(new RailStatus.Submitted(RailName.PAIN001,
                batch.file().getFileName().toString(), fixture.clock.instant()));
    }

    @Test
    void theRailsSchemaCheckFindsWhatTheBankWouldRefuse() {
        String valid = Pain001Document.xml("M-1", fixture.clock.instant(), RailFixture.FIRM, List.of(payout("P-111", 1_00)));

        assertThat(Pain001Schema.violations(valid)).isEmpty();
        assertThat(Pain001Schema.violations(valid.replace("<Dt>2026-11-26</Dt>", "<Dt>26.11.2026</Dt>")))
                .isNotEmpty().anySatisfy(violation -> assertThat(violation).contains("26.11.2026"));
        assertThat(Pain001Schema.violations(valid.replace("<CtrlSum>1.00</CtrlSum>", ""))).isEmpty();
        assertThat(Pain001Schema.violations(valid.replaceFirst("<NbOfTxs>1</NbOfTxs>", ""))).isNotEmpty();
    }

    @Test
    void anInvalidInstructionIsRefusedWithItsReasonsAndNothingIsWritten() {
        // DE89370400440532013000 with its check digits changed from 89 to 88.
        RailSubmission badIban = rail.submit(payout("P-201", 5_000, "DE88370400440532013000"));
        RailSubmission zeroAmount = rail.submit(payout("P-202", 0));

        assertThat(badIban).isInstanceOf(RailSubmission.Refused.class);
        assertThat(((RailSubmission.Refused) badIban).reason())
                .contains("beneficiary IBAN 'DE88370400440532013000' is invalid");
        assertThat(((RailSubmission.Refused) zeroAmount).reasons())
                .containsExactly("amount must be more than zero, was 0 cents");
        assertThat(rail.status("P-201")).isEqualTo(new RailStatus.NotSubmitted());
        assertThat(rail.writeBatch()).isEmpty();
        assertThat(filesIn(outbox)).isEmpty();
    }

    @Test
    void aPaymentSubmittedTwiceIsInOneFileOnce() {
        PaymentInstruction payout = payout("P-301", 99_99);
        RailSubmission first = rail.submit(payout);
        RailSubmission again = rail.submit(payout);

        assertThat(first).isEqualTo(new RailSubmission.Accepted("P-301", RailName.PAIN001, fixture.clock.instant(), false));
        assertThat(again).isEqualTo(new RailSubmission.Accepted("P-301", RailName.PAIN001, fixture.clock.instant(), true));
        assertThat(rail.writeBatch().orElseThrow().paymentIds()).containsExactly("P-301");

        fixture.clock.advance(java.time.Duration.ofMinutes(15));
        assertThat(rail.submit(payout)).isInstanceOf(RailSubmission.Accepted.class)
                .extracting(submission -> ((RailSubmission.Accepted) submission).repeated()).isEqualTo(true);
        assertThat(rail.writeBatch()).isEmpty();
        assertThat(filesIn(outbox)).hasSize(1);
    }

    @Test
    void theSamePaymentIdWithOtherDetailsIsRefused() {
        rail.submit(payout("P-401", 100_00));

        RailSubmission changed = rail.submit(payout("P-401", 200_00));

        assertThat(((RailSubmission.Refused) changed).reason())
                .isEqualTo("payment P-401 was already submitted (queued) with other details: amount cents 10000 -> 20000");
    }

    @Test
    void theBanksAnswerIsRecordedAndARejectedPaymentCanBeRetried() {
        rail.submit(payout("P-501", 100_00));
        rail.submit(payout("P-502", 200_00));
        assertThatThrownBy(() -> rail.confirm("P-501", "BANK-1"))
                .isInstanceOf(RailException.class).hasMessageContaining("has not been sent yet");
        rail.writeBatch().orElseThrow();

        RailStatus.Paid paid = rail.confirm("P-501", "BANK-1");
        RailStatus.Rejected rejected = rail.reject("P-502", "AC04 account closed");

        assertThat(paid).isEqualTo(new RailStatus.Paid(RailName.PAIN001, "BANK-1", fixture.clock.instant()));
        assertThat(rail.confirm("P-501", "BANK-1")).isEqualTo(paid);
        assertThatThrownBy(() -> rail.confirm("P-501", "BANK-2")).hasMessageContaining("already paid with reference BANK-1");
        assertThatThrownBy(() -> rail.reject("P-501", "late")).hasMessageContaining("already paid");
        assertThat(rail.status("P-502")).isEqualTo(rejected);
        assertThat(rejected.reason()).isEqualTo("AC04 account closed");

        // The trader gave a new account: the same payout goes out again, in the next file.
        fixture.clock.advance(java.time.Duration.ofDays(1));
        PaymentInstruction corrected = payout("P-502", 200_00, "GB82 WEST 1234 5698 7654 32");
        assertThat(rail.submit(corrected)).isEqualTo(
                new RailSubmission.Accepted("P-502", RailName.PAIN001, fixture.clock.instant(), false));
        PaymentBatch retry = rail.writeBatch().orElseThrow();
        assertThat(retry.paymentIds()).containsExactly("P-502");
        assertThat(retry.messageId()).isEqualTo("PROPOS-20261126-000002");
        assertThat(fixture.jdbc.sql("select attempts from rail_payments where payment_id = 'P-502'")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aFileRecordedButNotWrittenBeforeACrashIsWrittenOnTheNextRun() throws IOException {
        rail.submit(payout("P-601", 42_00));
        PaymentBatch batch = rail.writeBatch().orElseThrow();
        String written = Files.readString(batch.file());
        // As if the server died between the commit and the file write.
        Files.delete(batch.file());
        fixture.jdbc.sql("update payment_batches set written_at = null").update();

        assertThat(rail.writeBatch()).isEmpty();

        assertThat(Files.readString(batch.file())).isEqualTo(written);
        assertThat(fixture.jdbc.sql("select count(*) from payment_batches where written_at is null")
                .query(Long.class).single()).isZero();
    }

    @Test
    void withoutTheFirmsAccountThePain001RailRefusesPayments() {
        Pain001Rail unconfigured = fixture.rails(outbox, new PaymentSettings.Debtor(null, null, null)).pain001();

        RailSubmission refused = unconfigured.submit(payout("P-701", 1_00));

        assertThat(((RailSubmission.Refused) refused).reasons()).containsExactly(
                "the pain.001 rail needs the firm's name (propos.payments.debtor.name)",
                "the pain.001 rail needs the firm's IBAN (propos.payments.debtor.iban)");
    }

    @Test
    void payoutsForLaterDaysGoInOnePaymentBlockPerDayAndPastDaysAreToday() throws Exception {
        PaymentInstruction late = payout("P-801", 1_00);
        rail.submit(new PaymentInstruction("P-801", 1_00, "EUR", late.beneficiary(), "late payout",
                java.time.LocalDate.of(2026, 11, 20)));
        rail.submit(payout("P-802", 2_00));
        rail.submit(payout("P-803", 3_00));

        Document document = parse(Files.readString(rail.writeBatch().orElseThrow().file()));

        assertThat(text(document, "//PmtInf/ReqdExctnDt/Dt")).containsExactly("2026-11-25", "2026-11-26");
        assertThat(text(document, "//PmtInf/NbOfTxs")).containsExactly("1", "2");
        assertThat(text(document, "//PmtInf/CtrlSum")).containsExactly("1.00", "5.00");
        assertThat(text(document, "//GrpHdr/CtrlSum")).containsExactly("6.00");
    }

    /** Validates with the JDK's validator directly, not through the rail's own check. */
    static void assertValidAgainstOfficialSchema(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(Pain001RailTest.class.getResource(Pain001Schema.RESOURCE)).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** The texts at {@code path}, written without namespaces: each step matches the local name. */
    static List<String> text(Document document, String path) throws Exception {
        String localPath = path.replaceAll("/(?!@)([A-Za-z]+)", "/*[local-name()='$1']");
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList nodes = (NodeList) xpath.evaluate(localPath, document, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static List<String> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
