package dev.propos.server.payouts;

import java.time.Instant;

/**
 * A payout as stored: its amounts (cents, exact, from the engine's answer) and its state;
 * {@code awaitingBankDetailsSince}: since when a failed payment waits for the trader's new bank
 * details (the bank refused the beneficiary's account), null otherwise.
 */
public record Payout(String id, String account, String program, String trader, String currency, long amountCents,
                     long traderShareCents, long firmShareCents, long feeRefundCents, PayoutState state, String reasons,
                     String requestEvent, Instant decidedAt, String rail, int attempts, String lastError,
                     Instant escalatedAt, Instant createdAt, Instant updatedAt, Instant awaitingBankDetailsSince) {
}
