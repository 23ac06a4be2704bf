package dev.propos.server.payouts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payouts, their steps and their approvals. */
@Repository
class PayoutStore {

    /** One step of a payout's life: who moved it from where to where, and why. */
    record Step(Instant at, String from, String to, String actor, String note) {
    }

    private final JdbcClient jdbc;

    PayoutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a payout the engine answered; one stored before (a replay of the journal) is left as it is. */
    boolean insert(Payout payout, String actor) {
        boolean inserted = jdbc.sql("""
                insert into payouts (id, account, program, trader, currency, amount_cents, trader_share_cents,
                    firm_share_cents, fee_refund_cents, state, reasons, request_event, decided_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(payout.id(), payout.account(), payout.program(), payout.trader(), payout.currency(), payout.amountCents(),
                        payout.traderShareCents(), payout.firmShareCents(), payout.feeRefundCents(),
                        payout.state().wireName(), payout.reasons(), payout.requestEvent(),
                        Timestamp.from(payout.decidedAt()), Timestamp.from(payout.createdAt()),
                        Timestamp.from(payout.updatedAt()))
                .update() == 1;
        if (inserted) {
            step(payout.id(), null, payout.state(), actor, payout.reasons(), payout.createdAt());
        }
        return inserted;
    }

    /**
     * Moves a payout from {@code from} to {@code to}, unless something else moved it first (then
     * false, and nothing changes): two workers, or a person and the janitor, never both act.
     */
    boolean move(String id, PayoutState from, PayoutState to, String actor, String note, Instant at) {
        boolean moved = jdbc.sql("update payouts set state = ?, updated_at = ? where id = ? and state = ?")
                .params(to.wireName(), Timestamp.from(at), id, from.wireName()).update() == 1;
        if (moved) {
            step(id, from, to, actor, note, at);
        }
        return moved;
    }

    void attempted(String id, String rail, String error, Instant at) {
        jdbc.sql("update payouts set attempts = attempts + 1, rail = coalesce(?, rail), last_error = ?, updated_at = ? where id = ?")
                .params(rail, error, Timestamp.from(at), id).update();
    }

    /** Records why the last attempt failed (the attempt itself was counted when it was made). */
    void lastError(String id, String error, Instant at) {
        jdbc.sql("update payouts set last_error = ?, updated_at = ? where id = ?").params(error, Timestamp.from(at), id).update();
    }

    /** The payout's payment waits for the trader's new bank details from {@code since} (null: no longer). */
    void awaitBankDetails(String id, Instant since) {
        jdbc.sql("update payouts set awaiting_bank_details_since = ? where id = ?")
                .params(since == null ? null : Timestamp.from(since), id).update();
    }

    void escalated(String id, Instant at) {
        jdbc.sql("update payouts set escalated_at = ? where id = ?").params(Timestamp.from(at), id).update();
    }

    private void step(String id, PayoutState from, PayoutState to, String actor, String note, Instant at) {
        jdbc.sql("insert into payout_steps (payout, at, from_state, to_state, actor, note) values (?, ?, ?, ?, ?, ?)")
                .params(id, Timestamp.from(at), from == null ? null : from.wireName(), to.wireName(), actor, note)
                .update();
    }

    /** Records an approval; false when this person approved before. */
    boolean approve(String id, String approver, Instant at) {
        return jdbc.sql("insert into payout_approvals (payout, approver, at) values (?, ?, ?) on conflict do nothing")
                .params(id, approver, Timestamp.from(at)).update() == 1;
    }

    List<String> approvers(String id) {
        return jdbc.sql("select approver from payout_approvals where payout = ? order by at").param(id)
                .query(String.class).list();
    }

    Optional<Payout> byId(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(PayoutStore::payout).optional();
    }

    List<Payout> ofAccount(String account) {
        return jdbc.sql(SELECT + " where account = ? order by created_at, id").param(account).query(PayoutStore::payout).list();
    }

    /**
     * The account's latest payout, other than {@code except} (may be null), that the engine
     * approved and that is neither paid nor cancelled yet, if any.
     */
    Optional<Payout> inFlight(String account, String except) {
        return jdbc.sql(SELECT + """
                         where account = ? and id <> coalesce(?, '') and state not in ('refused', 'paid', 'cancelled')
                        order by created_at desc, id desc limit 1""")
                .params(account, except).query(PayoutStore::payout).optional();
    }

    List<Payout> inState(PayoutState state, int limit) {
        return jdbc.sql(SELECT + " where state = ? order by updated_at, id limit ?").params(state.wireName(), limit)
                .query(PayoutStore::payout).list();
    }

    /** Open payouts that have not moved since {@code before}. */
    List<Payout> stuckSince(PayoutState state, Instant before) {
        return jdbc.sql(SELECT + " where state = ? and updated_at < ? order by updated_at")
                .params(state.wireName(), Timestamp.from(before)).query(PayoutStore::payout).list();
    }

    List<Step> steps(String id) {
        return jdbc.sql("select at, from_state, to_state, actor, note from payout_steps where payout = ? order by id")
                .param(id)
                .query((rs, row) -> new Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    private static final String SELECT = """
            select id, account, program, trader, currency, amount_cents, trader_share_cents, firm_share_cents, fee_refund_cents,
                   state, reasons, request_event, decided_at, rail, attempts, last_error, escalated_at, created_at,
                   updated_at, awaiting_bank_details_since from payouts""";

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Payout payout(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp escalated = rs.getTimestamp(17);
        return new Payout(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), PayoutState.ofWire(rs.getString(10)),
                rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getInt(15),
                rs.getString(16), escalated == null ? null : escalated.toInstant(), rs.getTimestamp(18).toInstant(),
                rs.getTimestamp(19).toInstant(), instant(rs.getTimestamp(20)));
    }
}
