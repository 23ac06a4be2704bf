package dev.propos.server.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ids for accounts enrolled through PropOS: PA100001, PA100002 ... from a database sequence, never reused. */
@Component
class AccountNumbers {

    static final String PREFIX = "PA";

    private final JdbcClient jdbc;

    AccountNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next() {
        return PREFIX + jdbc.sql("select nextval('account_numbers')").query(Long.class).single();
    }
}
