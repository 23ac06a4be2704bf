package dev.propos.server.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger as plain maps, written apart from {@link Ledger} to be its oracle: what a request must
 * answer and how the sums must move. It can also be loaded from the database, to carry on after
 * requests ran concurrently in an order the test does not know.
 */
final class LedgerModel {

    record Account(String id, String currency, BalanceLimit limit) {
    }

    /** A stored transfer, without its id and time: what the oracle can predict. */
    record Row(String key, String debit, String credit, long amountCents, String currency, TransferStatus status,
               String pendingKey, Reference reference, String description) {
        static Row of(Transfer t) {
            return new Row(t.key(), t.debitAccount(), t.creditAccount(), t.amountCents(), t.currency(), t.status(),
                    t.pendingKey(), t.reference(), t.description());
        }
    }

    sealed interface Expected {
    }

    record Created(List<Row> rows) implements Expected {
    }

    record Replayed(List<Row> rows) implements Expected {
    }

    record Refused(Refusal refusal, int leg) implements Expected {
    }

    /** Everything the model knows, comparable with what is loaded from the database. */
    record State(Map<String, Balance> balances, Map<String, Row> rows, Map<String, TransferStatus> resolved) {
    }

    private final Map<String, Account> accounts;
    private Map<String, Balance> balances;
    private final Map<String, Row> rows;
    private Map<String, TransferStatus> resolved;

    private LedgerModel(Map<String, Account> accounts, Map<String, Balance> balances, Map<String, Row> rows,
                        Map<String, TransferStatus> resolved) {
        this.accounts = accounts;
        this.balances = balances;
        this.rows = rows;
        this.resolved = resolved;
    }

    static LedgerModel load(JdbcClient jdbc) {
        Map<String, Account> accounts = new HashMap<>();
        Map<String, Balance> balances = new HashMap<>();
        for (LedgerAccount account : new LedgerStore(jdbc).accounts(null, null)) {
            accounts.put(account.id(), new Account(account.id(), account.currency(), account.limit()));
            balances.put(account.id(), account.balance());
        }
        Map<String, Row> rows = new HashMap<>();
        Map<String, TransferStatus> resolved = new HashMap<>();
        List<String> keys = jdbc.sql("select idempotency_key from ledger_transfers").query(String.class).list();
        for (Transfer transfer : new LedgerStore(jdbc).transfers(keys).values()) {
            rows.put(transfer.key(), Row.of(transfer));
            if (transfer.pendingKey() != null) {
                resolved.put(transfer.pendingKey(), transfer.status());
            }
        }
        return new LedgerModel(accounts, balances, rows, resolved);
    }

    State state() {
        return new State(Map.copyOf(balances), Map.copyOf(rows), Map.copyOf(resolved));
    }

    Map<String, Account> accounts() {
        return accounts;
    }

    Map<String, Row> rows() {
        return rows;
    }

    /** Applies the request as the ledger must, and tells its answer. */
    Expected apply(List<TransferCommand> legs) {
        Set<String> keys = new HashSet<>();
        for (int leg = 0; leg < legs.size(); leg++) {
            TransferCommand c = legs.get(leg);
            if (c.key().isBlank()) {
                return new Refused(Refusal.KEY_MISSING, leg);
            }
            if (!keys.add(c.key())) {
                return new Refused(Refusal.KEY_REPEATED, leg);
            }
            if (c.reference().type().isBlank() || c.reference().id().isBlank()) {
                return new Refused(Refusal.REFERENCE_MISSING, leg);
            }
            if (amount(c) <= 0) {
                return new Refused(Refusal.AMOUNT_NOT_POSITIVE, leg);
            }
            if (c instanceof TransferCommand.Post p && p.debitAccount().equals(p.creditAccount())
                    || c instanceof TransferCommand.Hold h && h.debitAccount().equals(h.creditAccount())) {
                return new Refused(Refusal.SAME_ACCOUNT, leg);
            }
        }
        if (legs.stream().anyMatch(c -> rows.containsKey(c.key()))) {
            List<Row> found = new ArrayList<>();
            for (int leg = 0; leg < legs.size(); leg++) {
                Row row = rows.get(legs.get(leg).key());
                if (row != null && !matches(legs.get(leg), row)) {
                    return new Refused(Refusal.EXISTS_WITH_DIFFERENT_REQUEST, leg);
                }
                found.add(row);
            }
            return found.contains(null) ? new Refused(Refusal.PARTLY_EXISTS, found.indexOf(null)) : new Replayed(found);
        }
        Map<String, Balance> after = new HashMap<>(balances);
        Map<String, TransferStatus> resolvedAfter = new HashMap<>(resolved);
        Map<String, Row> batch = new LinkedHashMap<>();
        for (int leg = 0; leg < legs.size(); leg++) {
            TransferCommand c = legs.get(leg);
            Row row;
            switch (c) {
                case TransferCommand.Post p -> row = new Row(p.key(), p.debitAccount(), p.creditAccount(),
                        p.amountCents(), p.currency(), TransferStatus.POSTED, null, p.reference(), p.description());
                case TransferCommand.Hold h -> row = new Row(h.key(), h.debitAccount(), h.creditAccount(),
                        h.amountCents(), h.currency(), TransferStatus.PENDING, null, h.reference(), h.description());
                case TransferCommand.PostPending p -> {
                    Row hold = batch.containsKey(p.pendingKey()) ? batch.get(p.pendingKey()) : rows.get(p.pendingKey());
                    Refusal wrong = holdRefusal(hold, resolvedAfter.get(p.pendingKey()));
                    if (wrong != null) {
                        return new Refused(wrong, leg);
                    }
                    if (p.amountCents() > hold.amountCents()) {
                        return new Refused(Refusal.AMOUNT_EXCEEDS_PENDING, leg);
                    }
                    row = new Row(p.key(), hold.debit(), hold.credit(), p.amountCents(), hold.currency(),
                            TransferStatus.POSTED, p.pendingKey(), p.reference(), p.description());
                }
                case TransferCommand.VoidPending v -> {
                    Row hold = batch.containsKey(v.pendingKey()) ? batch.get(v.pendingKey()) : rows.get(v.pendingKey());
                    Refusal wrong = holdRefusal(hold, resolvedAfter.get(v.pendingKey()));
                    if (wrong != null) {
                        return new Refused(wrong, leg);
                    }
                    row = new Row(v.key(), hold.debit(), hold.credit(), hold.amountCents(), hold.currency(),
                            TransferStatus.VOIDED, v.pendingKey(), v.reference(), v.description());
                }
            }
            if (row.pendingKey() == null) {
                for (String id : List.of(row.debit(), row.credit())) {
                    if (!accounts.containsKey(id)) {
                        return new Refused(Refusal.ACCOUNT_NOT_FOUND, leg);
                    }
                    if (!accounts.get(id).currency().equals(row.currency())) {
                        return new Refused(Refusal.CURRENCY_MISMATCH, leg);
                    }
                }
            }
            long held = row.pendingKey() == null ? 0 : (batch.containsKey(row.pendingKey())
                    ? batch.get(row.pendingKey()) : rows.get(row.pendingKey())).amountCents();
            long moved = row.status() == TransferStatus.VOIDED ? 0 : row.amountCents();
            boolean pending = row.status() == TransferStatus.PENDING;
            Balance debit = after.get(row.debit());
            Balance credit = after.get(row.credit());
            debit = new Balance(debit.debitsPendingCents() - held + (pending ? moved : 0),
                    debit.debitsPostedCents() + (pending ? 0 : moved), debit.creditsPendingCents(), debit.creditsPostedCents());
            credit = new Balance(credit.debitsPendingCents(), credit.debitsPostedCents(),
                    credit.creditsPendingCents() - held + (pending ? moved : 0), credit.creditsPostedCents() + (pending ? 0 : moved));
            if (!within(accounts.get(row.debit()).limit(), debit)) {
                return new Refused(Refusal.EXCEEDS_CREDITS, leg);
            }
            if (!within(accounts.get(row.credit()).limit(), credit)) {
                return new Refused(Refusal.EXCEEDS_DEBITS, leg);
            }
            after.put(row.debit(), debit);
            after.put(row.credit(), credit);
            if (row.pendingKey() != null) {
                resolvedAfter.put(row.pendingKey(), row.status());
            }
            batch.put(row.key(), row);
        }
        balances = after;
        resolved = resolvedAfter;
        rows.putAll(batch);
        return new Created(List.copyOf(batch.values()));
    }

    private static Refusal holdRefusal(Row hold, TransferStatus resolution) {
        if (hold == null) {
            return Refusal.PENDING_NOT_FOUND;
        }
        if (hold.status() != TransferStatus.PENDING) {
            return Refusal.NOT_PENDING;
        }
        if (resolution == TransferStatus.POSTED) {
            return Refusal.PENDING_ALREADY_POSTED;
        }
        return resolution == TransferStatus.VOIDED ? Refusal.PENDING_ALREADY_VOIDED : null;
    }

    private static boolean within(BalanceLimit limit, Balance b) {
        return switch (limit) {
            case NONE -> true;
            case DEBITS_MUST_NOT_EXCEED_CREDITS -> b.debitsPendingCents() + b.debitsPostedCents() <= b.creditsPostedCents();
            case CREDITS_MUST_NOT_EXCEED_DEBITS -> b.creditsPendingCents() + b.creditsPostedCents() <= b.debitsPostedCents();
        };
    }

    private static long amount(TransferCommand c) {
        return switch (c) {
            case TransferCommand.Post p -> p.amountCents();
            case TransferCommand.Hold h -> h.amountCents();
            case TransferCommand.PostPending p -> p.amountCents();
            case TransferCommand.VoidPending v -> 1;
        };
    }

    private static boolean matches(TransferCommand c, Row row) {
        Row asked = switch (c) {
            case TransferCommand.Post p -> new Row(p.key(), p.debitAccount(), p.creditAccount(), p.amountCents(),
                    p.currency(), TransferStatus.POSTED, null, p.reference(), p.description());
            case TransferCommand.Hold h -> new Row(h.key(), h.debitAccount(), h.creditAccount(), h.amountCents(),
                    h.currency(), TransferStatus.PENDING, null, h.reference(), h.description());
            // a hold's post or void takes the hold's accounts: only what the caller gave is compared
            case TransferCommand.PostPending p -> new Row(p.key(), row.debit(), row.credit(), p.amountCents(),
                    row.currency(), TransferStatus.POSTED, p.pendingKey(), p.reference(), p.description());
            case TransferCommand.VoidPending v -> new Row(v.key(), row.debit(), row.credit(), row.amountCents(),
                    row.currency(), TransferStatus.VOIDED, v.pendingKey(), v.reference(), v.description());
        };
        return asked.equals(row);
    }
}
