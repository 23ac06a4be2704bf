package dev.propos.server.traders;

import dev.propos.server.payments.Beneficiary;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each trader's payouts are paid. */
@Repository
public class BankDetails {

    private final JdbcClient jdbc;
    private final Clock clock;

    BankDetails(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Beneficiary> of(String trader) {
        return jdbc.sql("select name, iban, bic, country from trader_bank_details where trader = ?").param(trader)
                .query((rs, row) -> new Beneficiary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** When the trader last gave bank details, if ever. */
    public Optional<Instant> updatedAt(String trader) {
        return jdbc.sql("select updated_at from trader_bank_details where trader = ?").param(trader)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    public void save(String trader, Beneficiary beneficiary) {
        jdbc.sql("""
                insert into trader_bank_details (trader, name, iban, bic, country, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (trader) do update set name = excluded.name, iban = excluded.iban, bic = excluded.bic,
                    country = excluded.country, updated_at = excluded.updated_at""")
                .params(trader, beneficiary.name(), beneficiary.iban(), beneficiary.bic(), beneficiary.country(),
                        Timestamp.from(clock.instant()))
                .update();
    }
}
