package dev.propos.server.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's two tables. Writes run inside the {@link Ledger}'s transaction, after its row locks. */
@Repository
class LedgerStore {

    private static final String ACCOUNT = """
            select id, name, kind, currency, trader_id, debits_must_not_exceed_credits, credits_must_not_exceed_debits,
                   debits_pending, debits_posted, credits_pending, credits_posted, created_at
            from ledger_accounts""";

    private static final String TRANSFER = """
            select t.id, t.idempotency_key, t.debit_account, t.credit_account, t.amount_cents, t.currency, t.status,
                   t.pending_id, p.idempotency_key, t.reference_type, t.reference, t.description, t.created_at
            from ledger_transfers t left join ledger_transfers p on p.id = t.pending_id""";

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the account unless one with its id exists; gives the stored account either way. */
    LedgerAccount insertIfAbsent(AccountSpec spec, Instant now) {
        jdbc.sql("""
                insert into ledger_accounts (id, name, kind, currency, trader_id, debits_must_not_exceed_credits,
                                             credits_must_not_exceed_debits, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(spec.id(), spec.name(), spec.kind().code(), spec.currency(), spec.traderId(),
                        spec.limit() == BalanceLimit.DEBITS_MUST_NOT_EXCEED_CREDITS,
                        spec.limit() == BalanceLimit.CREDITS_MUST_NOT_EXCEED_DEBITS, Timestamp.from(now))
                .update();
        return account(spec.id()).orElseThrow();
    }

    Optional<LedgerAccount> account(String id) {
        return jdbc.sql(ACCOUNT + " where id = ?").param(id).query(LedgerStore::account).optional();
    }

    /** Accounts by id; {@code traderId} and {@code currency} narrow when not null. */
    List<LedgerAccount> accounts(String traderId, String currency) {
        StringBuilder sql = new StringBuilder(ACCOUNT).append(" where true");
        List<Object> params = new ArrayList<>();
        if (traderId != null) {
            sql.append(" and trader_id = ?");
            params.add(traderId);
        }
        if (currency != null) {
            sql.append(" and currency = ?");
            params.add(currency);
        }
        return jdbc.sql(sql.append(" order by id").toString()).params(params).query(LedgerStore::account).list();
    }

    /**
     * Locks the accounts' rows until the transaction ends, always in id order, so that two requests
     * sharing accounts queue on the first of them instead of deadlocking. Absent ids are left out.
     */
    Map<String, LedgerAccount> lock(Collection<String> ids) {
        Map<String, LedgerAccount> locked = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        // LockRows runs above the sort: rows are locked in the order returned.
        jdbc.sql(ACCOUNT + " where id = any(?) order by id for update")
                .param(ids.toArray(String[]::new))
                .query(LedgerStore::account).list()
                .forEach(account -> locked.put(account.id(), account));
        return locked;
    }

    /** The transfers with these idempotency keys, by key. */
    Map<String, Transfer> transfers(Collection<String> keys) {
        Map<String, Transfer> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql(TRANSFER + " where t.idempotency_key = any(?)")
                .param(keys.toArray(String[]::new))
                .query(LedgerStore::transfer).list()
                .forEach(transfer -> found.put(transfer.key(), transfer));
        return found;
    }

    /** How each of these holds was resolved, for those that were. */
    Map<Long, TransferStatus> resolutions(Collection<Long> holdIds) {
        Map<Long, TransferStatus> resolved = new HashMap<>();
        if (holdIds.isEmpty()) {
            return resolved;
        }
        jdbc.sql("select pending_id, status from ledger_transfers where pending_id = any(?)")
                .param(holdIds.toArray(Long[]::new))
                .query((rs, row) -> resolved.put(rs.getLong(1), TransferStatus.of(rs.getString(2))))
                .list();
        return resolved;
    }

    Transfer insert(Transfer transfer) {
        long id = jdbc.sql("""
                insert into ledger_transfers (idempotency_key, debit_account, credit_account, amount_cents, currency,
                                              status, pending_id, reference_type, reference, description, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(transfer.key(), transfer.debitAccount(), transfer.creditAccount(), transfer.amountCents(),
                        transfer.currency(), transfer.status().code(), transfer.pendingId(),
                        transfer.reference().type(), transfer.reference().id(), transfer.description(),
                        Timestamp.from(transfer.createdAt()))
                .query(Long.class).single();
        return new Transfer(id, transfer.key(), transfer.debitAccount(), transfer.creditAccount(),
                transfer.amountCents(), transfer.currency(), transfer.status(), transfer.pendingId(),
                transfer.pendingKey(), transfer.reference(), transfer.description(), transfer.createdAt());
    }

    /** Adds {@code delta} to the account's sums (the account is locked; the CHECKs guard its limit). */
    void add(String account, Balance delta) {
        jdbc.sql("""
                update ledger_accounts set debits_pending = debits_pending + ?, debits_posted = debits_posted + ?,
                       credits_pending = credits_pending + ?, credits_posted = credits_posted + ?
                where id = ?""")
                .params(delta.debitsPendingCents(), delta.debitsPostedCents(), delta.creditsPendingCents(),
                        delta.creditsPostedCents(), account)
                .update();
    }

    /** Posted debits and credits of the account before {@code before}. */
    Balance postedBefore(String account, Instant before) {
        return jdbc.sql("""
                select coalesce(sum(amount_cents) filter (where debit_account = ?), 0),
                       coalesce(sum(amount_cents) filter (where credit_account = ?), 0)
                from ledger_transfers
                where status = 'posted' and (debit_account = ? or credit_account = ?) and created_at < ?""")
                .params(account, account, account, account, Timestamp.from(before))
                .query((rs, row) -> new Balance(0, rs.getLong(1), 0, rs.getLong(2)))
                .single();
    }

    /** The account's posted transfers from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    List<Transfer> postedBetween(String account, Instant from, Instant to) {
        return jdbc.sql(TRANSFER + """
                 where t.status = 'posted' and (t.debit_account = ? or t.credit_account = ?)
                   and t.created_at >= ? and t.created_at < ?
                order by t.created_at, t.id""")
                .params(account, account, Timestamp.from(from), Timestamp.from(to))
                .query(LedgerStore::transfer).list();
    }

    /**
     * Accounts whose stored sums differ from the sums of their transfers, with both, computed in one
     * statement (one snapshot). A hold counts as pending until a row names it as its {@code pending_id}.
     */
    List<Ledger.Discrepancy> discrepancies() {
        return jdbc.sql("""
                with legs as (
                    select t.debit_account as account, t.amount_cents as amount, true as debit, t.status,
                           exists (select 1 from ledger_transfers r where r.pending_id = t.id) as resolved
                    from ledger_transfers t
                    union all
                    select t.credit_account, t.amount_cents, false, t.status,
                           exists (select 1 from ledger_transfers r where r.pending_id = t.id)
                    from ledger_transfers t
                ), sums as (
                    select account,
                           coalesce(sum(amount) filter (where debit and status = 'pending' and not resolved), 0) as dpe,
                           coalesce(sum(amount) filter (where debit and status = 'posted'), 0) as dpo,
                           coalesce(sum(amount) filter (where not debit and status = 'pending' and not resolved), 0) as cpe,
                           coalesce(sum(amount) filter (where not debit and status = 'posted'), 0) as cpo
                    from legs group by account
                )
                select a.id, a.debits_pending, a.debits_posted, a.credits_pending, a.credits_posted,
                       coalesce(s.dpe, 0), coalesce(s.dpo, 0), coalesce(s.cpe, 0), coalesce(s.cpo, 0)
                from ledger_accounts a left join sums s on s.account = a.id
                where (a.debits_pending, a.debits_posted, a.credits_pending, a.credits_posted)
                      <> (coalesce(s.dpe, 0), coalesce(s.dpo, 0), coalesce(s.cpe, 0), coalesce(s.cpo, 0))
                order by a.id""")
                .query((rs, row) -> new Ledger.Discrepancy(rs.getString(1),
                        new Balance(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                        new Balance(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9))))
                .list();
    }

    private static LedgerAccount account(ResultSet rs, int row) throws SQLException {
        BalanceLimit limit = rs.getBoolean(6) ? BalanceLimit.DEBITS_MUST_NOT_EXCEED_CREDITS
                : rs.getBoolean(7) ? BalanceLimit.CREDITS_MUST_NOT_EXCEED_DEBITS : BalanceLimit.NONE;
        return LedgerAccount.of(rs.getString(1), rs.getString(2), AccountKind.of(rs.getString(3)), rs.getString(4),
                rs.getString(5), limit, new Balance(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)),
                rs.getTimestamp(12).toInstant());
    }

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        return new Transfer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), TransferStatus.of(rs.getString(7)), rs.getObject(8, Long.class), rs.getString(9),
                new Reference(rs.getString(10), rs.getString(11)), rs.getString(12), rs.getTimestamp(13).toInstant());
    }
}
