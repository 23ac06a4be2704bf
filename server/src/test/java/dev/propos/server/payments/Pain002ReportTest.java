package dev.propos.server.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propos.server.payments.Pain002Report.GroupStatus;
import dev.propos.server.payments.Pain002Report.Meaning;
import dev.propos.server.payments.Pain002Report.PaymentStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading banks' status reports: both versions in use, every level of status, and what is refused. */
class Pain002ReportTest {

    @Test
    void readsAVersion10ReportWithPaymentsSettledAndRejected() {
        String xml = Pain002Samples.report("BANK-STS-1", "PROPOS-20261126-000001", "PART",
                Pain002Samples.Line.settled("P-1", "COBA-2026-55871"),
                Pain002Samples.Line.rejected("P-2", "AC04", "Konto aufgelöst"),
                new Pain002Samples.Line("P-3", "ACSP", null, null, null));

        Pain002Report report = Pain002Report.parse(xml);

        assertThat(report.messageId()).isEqualTo("BANK-STS-1");
        assertThat(report.originalMessageId()).isEqualTo("PROPOS-20261126-000001");
        assertThat(report.fileStatus()).isEqualTo("PART");
        assertThat(report.groups()).containsExactly(new GroupStatus("PROPOS-20261126-000001-1", null, List.of()));
        assertThat(report.payments()).containsExactly(
                new PaymentStatus("PROPOS-20261126-000001-1", "P-1", "ACSC", List.of(), "COBA-2026-55871"),
                new PaymentStatus("PROPOS-20261126-000001-1", "P-2", "RJCT",
                        List.of(new StatusReason("AC04", "Konto aufgelöst")), null),
                new PaymentStatus("PROPOS-20261126-000001-1", "P-3", "ACSP", List.of(), null));
    }

    @Test
    void readsAVersion03ReportThatRejectsTheWholeFile() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>STS-0042</MsgId><CreDtTm>2026-11-26T08:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>PROPOS-20261126-000002</OrgnlMsgId>
                      <OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
                      <GrpSts>RJCT</GrpSts>
                      <StsRsnInf><Rsn><Cd>FF01</Cd></Rsn><AddtlInf>Schema check failed</AddtlInf><AddtlInf>line 12</AddtlInf></StsRsnInf>
                      <StsRsnInf><Rsn><Prtry>X99</Prtry></Rsn></StsRsnInf>
                    </OrgnlGrpInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """;

        Pain002Report report = Pain002Report.parse(xml);

        assertThat(report.fileStatus()).isEqualTo("RJCT");
        assertThat(report.fileReasons()).extracting(StatusReason::describe)
                .containsExactly("FF01 (invalid file format): Schema check failed line 12", "X99");
        assertThat(report.fileReasons()).noneMatch(StatusReason::concernsBeneficiary);
        assertThat(report.groups()).isEmpty();
        assertThat(report.payments()).isEmpty();
    }

    @Test
    void statusCodesMeanPaidRejectedOrStillInProgress() {
        assertThat(List.of("ACSC", "ACCC").stream().map(Meaning::of)).containsOnly(Meaning.PAID);
        assertThat(List.of("RJCT", "CANC").stream().map(Meaning::of)).containsOnly(Meaning.REJECTED);
        assertThat(List.of("RCVD", "ACTC", "ACCP", "ACSP", "ACWC", "PDNG", "PART").stream().map(Meaning::of))
                .containsOnly(Meaning.IN_PROGRESS);
    }

    @Test
    void reasonsAboutTheBeneficiarysAccountAskForNewBankDetails() {
        assertThat(new StatusReason("AC04", null).concernsBeneficiary()).isTrue();
        assertThat(new StatusReason("MD07", "deceased").concernsBeneficiary()).isTrue();
        assertThat(new StatusReason("AM04", null).concernsBeneficiary()).as("the firm's own funds").isFalse();
        assertThat(new StatusReason("TM01", null).concernsBeneficiary()).as("a cut-off: try again").isFalse();
        assertThat(new StatusReason(null, "unclear").concernsBeneficiary()).isFalse();
        assertThat(new StatusReason(null, null).describe()).isEqualTo("no reason given");
    }

    @Test
    void refusesWhatIsNotAStatusReportSayingWhereAndWhat() {
        assertThatThrownBy(() -> Pain002Report.parse("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>"))
                .isInstanceOf(BankFileException.class)
                .hasMessageContaining("not a pain.002 status report")
                .hasMessageContaining("pain.001.001.09");
        assertThatThrownBy(() -> Pain002Report.parse("<Document>\n<CstmrPmtStsRpt>\n</Document>"))
                .isInstanceOf(BankFileException.class).hasMessageStartingWith("line 3, column");
        assertThatThrownBy(() -> Pain002Report.parse(
                Pain002Samples.report("M", "O", null).replace("<OrgnlMsgId>O</OrgnlMsgId>", "")))
                .isInstanceOf(BankFileException.class).hasMessage("OrgnlGrpInfAndSts has no OrgnlMsgId");
        assertThatThrownBy(() -> Pain002Report.parse(Pain002Samples.report("M", "O", null,
                        new Pain002Samples.Line("P-9", "ACSC", null, null, null)).replace("<TxSts>ACSC</TxSts>", "")))
                .isInstanceOf(BankFileException.class).hasMessage("payment P-9 in group O-1 has no TxSts");
        assertThatThrownBy(() -> Pain002Report.parse(Pain002Samples.report("  ", "O", null)))
                .isInstanceOf(BankFileException.class).hasMessage("MsgId is empty");
    }

    @Test
    void refusesADoctypeSoThatNoExternalEntityIsRead() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>&secret;</CstmrPmtStsRpt></Document>
                """;
        assertThatThrownBy(() -> Pain002Report.parse(xml)).isInstanceOf(BankFileException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
