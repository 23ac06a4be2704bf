package dev.propos.server.ledger;

import dev.propos.server.ledger.TransferResult.Refused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a request's legs, in order, against the locked accounts and the holds they resolve: the rows
 * to append and what each account's sums change by, or the first leg refused. Writes nothing, so a
 * refused leg leaves nothing behind: a linked request posts all its legs or none.
 */
final class TransferPlanner {

    /** A planned row; {@code pendingLeg} is the earlier leg of the same request whose hold it resolves. */
    record Row(Transfer transfer, Integer pendingLeg) {
    }

    sealed interface Plan {
    }

    record Ready(List<Row> rows, Map<String, Balance> deltas) implements Plan {
    }

    record Rejected(Refused refused) implements Plan {
    }

    private final Map<String, LedgerAccount> accounts;
    private final Map<String, Transfer> storedHolds;
    private final Map<Long, TransferStatus> resolutions;
    private final Map<String, Balance> balances = new HashMap<>();
    private final Map<String, Balance> deltas = new LinkedHashMap<>();
    private final Map<String, Integer> legsByKey = new HashMap<>();
    private final Map<String, TransferStatus> resolvedHere = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    private TransferPlanner(Map<String, LedgerAccount> accounts, Map<String, Transfer> storedHolds,
                            Map<Long, TransferStatus> resolutions) {
        this.accounts = accounts;
        this.storedHolds = storedHolds;
        this.resolutions = resolutions;
    }

    /**
     * @param accounts    the accounts the legs name, locked; an absent one does not exist
     * @param storedHolds stored transfers by key, for the keys that legs resolve
     * @param resolutions how those stored holds were resolved, for those that were
     */
    static Plan plan(List<TransferCommand> legs, Map<String, LedgerAccount> accounts,
                     Map<String, Transfer> storedHolds, Map<Long, TransferStatus> resolutions, Instant now) {
        TransferPlanner planner = new TransferPlanner(accounts, storedHolds, resolutions);
        for (int leg = 0; leg < legs.size(); leg++) {
            Refused refused = planner.add(leg, legs.get(leg), now);
            if (refused != null) {
                return new Rejected(refused);
            }
        }
        return new Ready(planner.rows, planner.deltas);
    }

    private Refused add(int leg, TransferCommand command, Instant now) {
        return switch (command) {
            case TransferCommand.Post post -> move(leg, post, post.debitAccount(), post.creditAccount(),
                    post.amountCents(), post.currency(), TransferStatus.POSTED, now);
            case TransferCommand.Hold hold -> move(leg, hold, hold.debitAccount(), hold.creditAccount(),
                    hold.amountCents(), hold.currency(), TransferStatus.PENDING, now);
            case TransferCommand.PostPending post -> resolve(leg, post, post.pendingKey(), post.amountCents(), now);
            case TransferCommand.VoidPending voided -> resolve(leg, voided, voided.pendingKey(), 0, now);
        };
    }

    private Refused move(int leg, TransferCommand command, String debitId, String creditId, long amountCents,
                         String currency, TransferStatus status, Instant now) {
        for (String id : new String[] {debitId, creditId}) {
            LedgerAccount account = accounts.get(id);
            if (account == null) {
                return new Refused(Refusal.ACCOUNT_NOT_FOUND, leg, "no ledger account " + id);
            }
            if (!account.currency().equals(currency)) {
                return new Refused(Refusal.CURRENCY_MISMATCH, leg,
                        "account " + id + " is in " + account.currency() + ", the transfer in " + currency);
            }
        }
        boolean pending = status == TransferStatus.PENDING;
        Balance debit = pending ? new Balance(amountCents, 0, 0, 0) : new Balance(0, amountCents, 0, 0);
        Balance credit = pending ? new Balance(0, 0, amountCents, 0) : new Balance(0, 0, 0, amountCents);
        Refused refused = apply(leg, debitId, debit, creditId, credit);
        if (refused != null) {
            return refused;
        }
        add(leg, command, new Transfer(0, command.key(), debitId, creditId, amountCents, currency, status, null, null,
                command.reference(), command.description(), now), null);
        return null;
    }

    /** Posts ({@code postCents > 0}) or voids ({@code postCents == 0}) a hold. */
    private Refused resolve(int leg, TransferCommand command, String pendingKey, long postCents, Instant now) {
        Integer holdLeg = legsByKey.get(pendingKey);
        Transfer hold = holdLeg != null ? rows.get(holdLeg).transfer() : storedHolds.get(pendingKey);
        if (hold == null) {
            return new Refused(Refusal.PENDING_NOT_FOUND, leg, "no hold " + pendingKey);
        }
        if (hold.status() != TransferStatus.PENDING) {
            return new Refused(Refusal.NOT_PENDING, leg, "transfer " + pendingKey + " is not a hold");
        }
        TransferStatus outcome = holdLeg != null ? resolvedHere.get(pendingKey)
                : resolvedHere.getOrDefault(pendingKey, resolutions.get(hold.id()));
        if (outcome == TransferStatus.POSTED) {
            return new Refused(Refusal.PENDING_ALREADY_POSTED, leg, "hold " + pendingKey + " was posted");
        }
        if (outcome == TransferStatus.VOIDED) {
            return new Refused(Refusal.PENDING_ALREADY_VOIDED, leg, "hold " + pendingKey + " was voided");
        }
        if (postCents > hold.amountCents()) {
            return new Refused(Refusal.AMOUNT_EXCEEDS_PENDING, leg,
                    "posts " + postCents + " of a hold of " + hold.amountCents());
        }
        // The whole hold stops being pending; what is posted of it, if anything, moves.
        long heldCents = hold.amountCents();
        Refused refused = apply(leg, hold.debitAccount(), new Balance(-heldCents, postCents, 0, 0),
                hold.creditAccount(), new Balance(0, 0, -heldCents, postCents));
        if (refused != null) {
            return refused;
        }
        TransferStatus status = postCents > 0 ? TransferStatus.POSTED : TransferStatus.VOIDED;
        resolvedHere.put(pendingKey, status);
        add(leg, command, new Transfer(0, command.key(), hold.debitAccount(), hold.creditAccount(),
                postCents > 0 ? postCents : heldCents, hold.currency(), status, holdLeg != null ? null : hold.id(),
                pendingKey, command.reference(), command.description(), now), holdLeg);
        return null;
    }

    /** Adds both sides to the running balances, or refuses the leg when a sum overflows or a limit is passed. */
    private Refused apply(int leg, String debitId, Balance debitDelta, String creditId, Balance creditDelta) {
        LedgerAccount debit = accounts.get(debitId);
        LedgerAccount credit = accounts.get(creditId);
        Balance debitAfter;
        Balance creditAfter;
        try {
            debitAfter = balance(debit).plus(debitDelta);
            creditAfter = balance(credit).plus(creditDelta);
            if (!debitAfter.allows(debit.limit())) {
                return new Refused(Refusal.EXCEEDS_CREDITS, leg, "account " + debitId + " would have debits "
                        + (debitAfter.debitsPendingCents() + debitAfter.debitsPostedCents()) + " over its credits "
                        + debitAfter.creditsPostedCents());
            }
            if (!creditAfter.allows(credit.limit())) {
                return new Refused(Refusal.EXCEEDS_DEBITS, leg, "account " + creditId + " would have credits "
                        + (creditAfter.creditsPendingCents() + creditAfter.creditsPostedCents()) + " over its debits "
                        + creditAfter.debitsPostedCents());
            }
            deltas.put(debitId, deltas.getOrDefault(debitId, Balance.ZERO).plus(debitDelta));
            deltas.put(creditId, deltas.getOrDefault(creditId, Balance.ZERO).plus(creditDelta));
        } catch (ArithmeticException e) {
            return new Refused(Refusal.OVERFLOW, leg, "a sum of " + debitId + " or " + creditId + " would overflow");
        }
        balances.put(debitId, debitAfter);
        balances.put(creditId, creditAfter);
        return null;
    }

    private Balance balance(LedgerAccount account) {
        return balances.getOrDefault(account.id(), account.balance());
    }

    private void add(int leg, TransferCommand command, Transfer transfer, Integer pendingLeg) {
        legsByKey.put(command.key(), leg);
        rows.add(new Row(transfer, pendingLeg));
    }
}
