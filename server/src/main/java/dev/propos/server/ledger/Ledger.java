package dev.propos.server.ledger;

import dev.propos.server.ledger.TransferResult.Refused;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The firm's double-entry ledger (docs/ledger.md): transfers between accounts, each with an
 * idempotency key and the reference of its cause; holds that are later posted or voided; requests
 * of several legs that post all or nothing.
 *
 * <p>Concurrency: a request locks the rows of every account it touches, in id order, before it reads
 * keys and holds, so requests sharing an account run one after the other and never deadlock; under
 * READ COMMITTED each statement after the lock sees what the request before it committed. That makes
 * a retried request find its first result, a hold resolved once, and a limit checked against the
 * balance it is written to. Two requests with one key that share no account can still race to the
 * insert: the unique key refuses the second, which runs once more and then finds the first.
 */
@Service
public class Ledger {

    /** Attempts of a request that loses an insert race (above); the second attempt sees the winner. */
    private static final int ATTEMPTS = 3;

    /** An account whose stored sums are not the sums of its transfers: never, unless the database was edited. */
    public record Discrepancy(String account, Balance stored, Balance fromTransfers) {
    }

    private final LedgerStore store;
    private final TransactionTemplate transaction;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    Ledger(LedgerStore store, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.transaction = transaction;
        this.snapshot = new TransactionTemplate(transaction.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.clock = clock;
    }

    public TransferResult post(TransferCommand.Post post) {
        return execute(List.of(post));
    }

    public TransferResult hold(TransferCommand.Hold hold) {
        return execute(List.of(hold));
    }

    public TransferResult postPending(TransferCommand.PostPending post) {
        return execute(List.of(post));
    }

    public TransferResult voidPending(TransferCommand.VoidPending voided) {
        return execute(List.of(voided));
    }

    /**
     * Executes linked legs in order, atomically: all are posted, or none is and the first refused
     * leg says why. A leg may resolve a hold made by an earlier leg of the same request.
     */
    public TransferResult execute(List<TransferCommand> legs) {
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("a request has at least one leg");
        }
        Optional<Refused> malformed = RequestChecks.malformed(legs);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        // Inside a caller's transaction the legs join it; a lost race then aborts that transaction,
        // which only the caller can run again.
        int attempts = TransactionSynchronizationManager.isActualTransactionActive() ? 1 : ATTEMPTS;
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> executeLocked(legs));
            } catch (DuplicateKeyException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
        }
    }

    private TransferResult executeLocked(List<TransferCommand> legs) {
        // Holds never change once written, so they are read before the locks; their outcome after.
        Map<String, Transfer> holds = store.transfers(pendingKeysOutside(legs));
        Map<String, LedgerAccount> accounts = store.lock(accountIds(legs, holds));
        Optional<TransferResult> answered = RequestChecks.answerFromStored(legs,
                store.transfers(legs.stream().map(TransferCommand::key).toList()));
        if (answered.isPresent()) {
            return answered.get();
        }
        Map<Long, TransferStatus> resolutions = store.resolutions(holds.values().stream().map(Transfer::id).toList());
        // PostgreSQL keeps microseconds: the transfers returned are the transfers stored, to the digit.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return switch (TransferPlanner.plan(legs, accounts, holds, resolutions, now)) {
            case TransferPlanner.Rejected rejected -> rejected.refused();
            case TransferPlanner.Ready ready -> write(ready);
        };
    }

    private TransferResult write(TransferPlanner.Ready plan) {
        List<Transfer> written = new ArrayList<>();
        for (TransferPlanner.Row row : plan.rows()) {
            Transfer transfer = row.transfer();
            if (row.pendingLeg() != null) {
                Transfer hold = written.get(row.pendingLeg());
                transfer = new Transfer(0, transfer.key(), transfer.debitAccount(), transfer.creditAccount(),
                        transfer.amountCents(), transfer.currency(), transfer.status(), hold.id(), hold.key(),
                        transfer.reference(), transfer.description(), transfer.createdAt());
            }
            written.add(store.insert(transfer));
        }
        plan.deltas().forEach(store::add);
        return new TransferResult.Created(written);
    }

    /** Keys of holds that the legs resolve and that no earlier leg makes. */
    private static Set<String> pendingKeysOutside(List<TransferCommand> legs) {
        Set<String> earlier = new LinkedHashSet<>();
        Set<String> outside = new LinkedHashSet<>();
        for (TransferCommand leg : legs) {
            String pendingKey = switch (leg) {
                case TransferCommand.PostPending post -> post.pendingKey();
                case TransferCommand.VoidPending voided -> voided.pendingKey();
                default -> null;
            };
            if (pendingKey != null && !earlier.contains(pendingKey)) {
                outside.add(pendingKey);
            }
            earlier.add(leg.key());
        }
        return outside;
    }

    private static Set<String> accountIds(List<TransferCommand> legs, Map<String, Transfer> holds) {
        Set<String> ids = new TreeSet<>();
        for (TransferCommand leg : legs) {
            switch (leg) {
                case TransferCommand.Post post -> {
                    ids.add(post.debitAccount());
                    ids.add(post.creditAccount());
                }
                case TransferCommand.Hold hold -> {
                    ids.add(hold.debitAccount());
                    ids.add(hold.creditAccount());
                }
                default -> {
                }
            }
        }
        for (Transfer hold : holds.values()) {
            ids.add(hold.debitAccount());
            ids.add(hold.creditAccount());
        }
        return ids;
    }

    /**
     * Opens the account unless it exists; gives the stored one. An existing account with the same id
     * but another kind, currency, owner or limit is an error: an id means one account forever.
     */
    public LedgerAccount open(AccountSpec spec) {
        LedgerAccount account = store.insertIfAbsent(spec, clock.instant());
        if (account.kind() != spec.kind() || !account.currency().equals(spec.currency())
                || !Objects.equals(account.traderId(), spec.traderId()) || account.limit() != spec.limit()) {
            throw new IllegalStateException("ledger account " + spec.id() + " exists as " + account.kind() + " "
                    + account.currency() + " of " + account.traderId() + " with limit " + account.limit());
        }
        return account;
    }

    public Optional<LedgerAccount> account(String id) {
        return store.account(id);
    }

    public Optional<Balance> balance(String accountId) {
        return store.account(accountId).map(LedgerAccount::balance);
    }

    /** Accounts by id; {@code traderId} and {@code currency} narrow when not null. */
    public List<LedgerAccount> accounts(String traderId, String currency) {
        return store.accounts(traderId, currency);
    }

    /**
     * Posted entries of the account from {@code from} (inclusive, null: the first) to {@code to}
     * (exclusive, null: now), read in one snapshot so that they add up to the balance shown.
     */
    public Optional<Statement> statement(String accountId, Instant from, Instant to) {
        return snapshot.execute(status -> store.account(accountId)
                .map(account -> Statement.read(account, from, to, store)));
    }

    /** The statements of every account of the trader, by account id, in one snapshot. */
    public List<Statement> traderStatements(String traderId, Instant from, Instant to) {
        return snapshot.execute(status -> store.accounts(traderId, null).stream()
                .map(account -> Statement.read(account, from, to, store))
                .toList());
    }

    /** Accounts whose sums are not those of their transfers: empty, always (a check for operators and tests). */
    public List<Discrepancy> discrepancies() {
        return store.discrepancies();
    }
}
