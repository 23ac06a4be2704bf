package dev.propos.server.purchases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Purchases and refunds, and the webhook deliveries refused. */
@Repository
class PurchaseStore {

    /** A purchase as stored. */
    record Purchase(String checkoutSession, String eventId, String paymentIntent, String trader, String program,
                    int version, long amountCents, String currency, String account, long refundedCents, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    PurchaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Purchase> bySession(String session) {
        return jdbc.sql(SELECT + " where checkout_session = ?").param(session).query(PurchaseStore::purchase).optional();
    }

    Optional<Purchase> byPaymentIntent(String paymentIntent) {
        return jdbc.sql(SELECT + " where payment_intent = ?").param(paymentIntent).query(PurchaseStore::purchase).optional();
    }

    void insert(Purchase purchase) {
        jdbc.sql("""
                insert into purchases (checkout_session, event_id, payment_intent, trader, program, version, amount_cents,
                                       currency, account, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(purchase.checkoutSession(), purchase.eventId(), purchase.paymentIntent(), purchase.trader(),
                        purchase.program(), purchase.version(), purchase.amountCents(), purchase.currency(),
                        purchase.account(), Timestamp.from(purchase.createdAt()))
                .update();
    }

    void refunded(String session, long refundedCents) {
        jdbc.sql("update purchases set refunded_cents = ? where checkout_session = ?").params(refundedCents, session).update();
    }

    void rejected(String provider, Instant at, String reason, String body) {
        jdbc.sql("insert into webhook_rejections (provider, received_at, reason, body) values (?, ?, ?, ?)")
                .params(provider, Timestamp.from(at), reason, body).update();
    }

    private static final String SELECT = """
            select checkout_session, event_id, payment_intent, trader, program, version, amount_cents, currency, account,
                   refunded_cents, created_at from purchases""";

    private static Purchase purchase(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Purchase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getLong(10),
                rs.getTimestamp(11).toInstant());
    }
}
