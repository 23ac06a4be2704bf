package dev.propos.server.payments;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One payment PropOS asks a rail to make: a payout to a trader.
 *
 * @param paymentId              the PropOS payout id; the rail's idempotency key and, in a pain.001
 *                               file, the EndToEndId the bank reports back (at most 35 characters)
 * @param amountCents            the amount in the currency's cents, more than zero
 * @param currency               ISO 4217 code, e.g. {@code USD}
 * @param remittanceInfo         the text the trader sees on the statement, e.g. "PropOS payout
 *                               P-123 account PA100001" (at most 140 characters)
 * @param requestedExecutionDate the day the firm's bank should execute it
 */
public record PaymentInstruction(String paymentId, long amountCents, String currency, Beneficiary beneficiary,
                                 String remittanceInfo, LocalDate requestedExecutionDate) {

    public PaymentInstruction {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(remittanceInfo, "remittanceInfo");
        Objects.requireNonNull(requestedExecutionDate, "requestedExecutionDate");
    }
}
