package dev.propos.server.ledger;

import dev.propos.server.ledger.TransferResult.Refused;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks of a request that read no account: its legs' own values, then its keys against stored transfers. */
final class RequestChecks {

    private RequestChecks() {
    }

    /** The first leg whose values are wrong in themselves, refused; empty when all are well formed. */
    static Optional<Refused> malformed(List<TransferCommand> legs) {
        Set<String> keys = new HashSet<>();
        for (int leg = 0; leg < legs.size(); leg++) {
            TransferCommand command = legs.get(leg);
            if (command.key().isBlank()) {
                return refuse(Refusal.KEY_MISSING, leg, "an idempotency key is required");
            }
            if (!keys.add(command.key())) {
                return refuse(Refusal.KEY_REPEATED, leg, "key " + command.key() + " is used by two legs");
            }
            if (command.reference().isBlank()) {
                return refuse(Refusal.REFERENCE_MISSING, leg, "a transfer names what caused it");
            }
            long amountCents = switch (command) {
                case TransferCommand.Post post -> post.amountCents();
                case TransferCommand.Hold hold -> hold.amountCents();
                case TransferCommand.PostPending post -> post.amountCents();
                case TransferCommand.VoidPending ignored -> 1;
            };
            if (amountCents <= 0) {
                return refuse(Refusal.AMOUNT_NOT_POSITIVE, leg, "amount must be positive: " + amountCents);
            }
            String debit = switch (command) {
                case TransferCommand.Post post -> post.debitAccount();
                case TransferCommand.Hold hold -> hold.debitAccount();
                default -> null;
            };
            String credit = switch (command) {
                case TransferCommand.Post post -> post.creditAccount();
                case TransferCommand.Hold hold -> hold.creditAccount();
                default -> null;
            };
            if (debit != null && debit.equals(credit)) {
                return refuse(Refusal.SAME_ACCOUNT, leg, "debit and credit are both " + debit);
            }
        }
        return Optional.empty();
    }

    /**
     * The answer when some of the request's keys are stored: the stored transfers when every leg
     * matches its stored one (a retry), a refusal otherwise; empty when no key is stored.
     */
    static Optional<TransferResult> answerFromStored(List<TransferCommand> legs, Map<String, Transfer> stored) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        List<Transfer> transfers = new ArrayList<>();
        for (int leg = 0; leg < legs.size(); leg++) {
            Transfer transfer = stored.get(legs.get(leg).key());
            if (transfer != null && !sameRequest(legs.get(leg), transfer)) {
                return Optional.of(new Refused(Refusal.EXISTS_WITH_DIFFERENT_REQUEST, leg,
                        "key " + transfer.key() + " was used for another transfer (" + transfer.id() + ")"));
            }
            transfers.add(transfer);
        }
        int missing = transfers.indexOf(null);
        if (missing >= 0) {
            return Optional.of(new Refused(Refusal.PARTLY_EXISTS, missing,
                    "other legs of this request were posted before without this one"));
        }
        return Optional.of(new TransferResult.Replayed(transfers));
    }

    /** Whether {@code transfer} is what {@code command} posts: every field the caller gave is the same. */
    static boolean sameRequest(TransferCommand command, Transfer transfer) {
        boolean same = switch (command) {
            case TransferCommand.Post post -> transfer.status() == TransferStatus.POSTED && transfer.pendingId() == null
                    && post.debitAccount().equals(transfer.debitAccount())
                    && post.creditAccount().equals(transfer.creditAccount())
                    && post.amountCents() == transfer.amountCents() && post.currency().equals(transfer.currency());
            case TransferCommand.Hold hold -> transfer.status() == TransferStatus.PENDING
                    && hold.debitAccount().equals(transfer.debitAccount())
                    && hold.creditAccount().equals(transfer.creditAccount())
                    && hold.amountCents() == transfer.amountCents() && hold.currency().equals(transfer.currency());
            case TransferCommand.PostPending post -> transfer.status() == TransferStatus.POSTED
                    && post.pendingKey().equals(transfer.pendingKey()) && post.amountCents() == transfer.amountCents();
            case TransferCommand.VoidPending voided -> transfer.status() == TransferStatus.VOIDED
                    && voided.pendingKey().equals(transfer.pendingKey());
        };
        return same && command.reference().equals(transfer.reference())
                && command.description().equals(transfer.description());
    }

    private static Optional<Refused> refuse(Refusal refusal, int leg, String message) {
        return Optional.of(new Refused(refusal, leg, message));
    }
}
