package dev.propos.server.payments;

import java.util.Arrays;
import java.util.stream.Collectors;

/** pain.002.001.10 status reports as a bank writes them, for tests. */
public final class Pain002Samples {

    private Pain002Samples() {
    }

    /** A payment's line: its id, the bank's status, and a reason code and words (or a reference when settled). */
    public record Line(String paymentId, String status, String reasonCode, String words, String reference) {

        public static Line settled(String paymentId, String reference) {
            return new Line(paymentId, "ACSC", null, null, reference);
        }

        public static Line rejected(String paymentId, String reasonCode, String words) {
            return new Line(paymentId, "RJCT", reasonCode, words, null);
        }

        String xml() {
            return "<TxInfAndSts><StsId>S-" + paymentId + "</StsId><OrgnlEndToEndId>" + paymentId + "</OrgnlEndToEndId>"
                    + "<TxSts>" + status + "</TxSts>"
                    + (reasonCode == null && words == null ? "" : "<StsRsnInf>"
                    + (reasonCode == null ? "" : "<Rsn><Cd>" + reasonCode + "</Cd></Rsn>")
                    + (words == null ? "" : "<AddtlInf>" + words + "</AddtlInf>") + "</StsRsnInf>")
                    + (reference == null ? "" : "<AcctSvcrRef>" + reference + "</AcctSvcrRef>")
                    + "</TxInfAndSts>";
        }
    }

    /**
     * A report on file {@code originalMessageId} with {@code fileStatus} (or none) and the lines,
     * all in block {@code originalMessageId-1} (PropOS's first block).
     */
    public static String report(String messageId, String originalMessageId, String fileStatus, Line... lines) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr>
                      <MsgId>%s</MsgId>
                      <CreDtTm>2026-11-26T09:30:00+01:00</CreDtTm>
                      <DbtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></DbtrAgt>
                    </GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>%s</OrgnlMsgId>
                      <OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
                      %s
                    </OrgnlGrpInfAndSts>
                    %s
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(messageId, originalMessageId,
                fileStatus == null ? "" : "<GrpSts>" + fileStatus + "</GrpSts>",
                lines.length == 0 ? "" : "<OrgnlPmtInfAndSts><OrgnlPmtInfId>" + originalMessageId + "-1</OrgnlPmtInfId>"
                        + Arrays.stream(lines).map(Line::xml).collect(Collectors.joining()) + "</OrgnlPmtInfAndSts>");
    }
}
