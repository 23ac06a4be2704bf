package dev.propos.server.payments;

import java.nio.file.Path;
import java.util.List;

/**
 * A pain.001 file written to the outbox.
 *
 * @param messageId       the file's GrpHdr/MsgId, which the bank reports back
 * @param controlSumCents the sum of the payments' amounts, as the file's CtrlSum (in cents)
 */
public record PaymentBatch(String messageId, Path file, List<String> paymentIds, long controlSumCents) {

    public PaymentBatch {
        paymentIds = List.copyOf(paymentIds);
    }
}
