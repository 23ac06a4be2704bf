package dev.propos.server.kyc;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kyc table, and the webhook deliveries already taken. */
@Repository
class KycStore {

    private final JdbcClient jdbc;

    KycStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<KycRecord> of(String trader) {
        return jdbc.sql("select trader, status, provider, provider_reference, reason, decided_by, updated_at from kyc where trader = ?")
                .param(trader)
                .query((rs, row) -> new KycRecord(rs.getString(1), KycStatus.ofWire(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    void save(KycRecord record) {
        jdbc.sql("""
                insert into kyc (trader, status, provider, provider_reference, reason, decided_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (trader) do update set status = excluded.status, provider = excluded.provider,
                    provider_reference = excluded.provider_reference, reason = excluded.reason,
                    decided_by = excluded.decided_by, updated_at = excluded.updated_at""")
                .params(record.trader(), record.status().wireName(), record.provider(), record.providerReference(),
                        record.reason(), record.decidedBy(), Timestamp.from(record.updatedAt()))
                .update();
    }
}
