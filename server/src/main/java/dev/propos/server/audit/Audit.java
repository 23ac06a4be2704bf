package dev.propos.server.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: every human action that changes the firm (who, when, what, on what, and the
 * particulars as a JSON object). Called inside the transaction of the change where there is one,
 * so that a change is never stored without its record. Never given a secret: no password, no token.
 */
@Component
public class Audit {

    public static final String TRADER_CREATED = "trader_created";
    public static final String USER_CREATED = "user_created";
    public static final String TOKEN_CREATED = "token_created";
    public static final String TOKEN_REVOKED = "token_revoked";
    public static final String PROGRAMS_IMPORTED = "programs_imported";
    public static final String ACCOUNT_ENROLLED = "account_enrolled";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    public Audit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code actor} did {@code action} to {@code subject}; {@code detail} from {@link #detail}. */
    public void record(String actor, String action, String subject, Map<String, Object> detail) {
        jdbc.sql("insert into audit_log (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, action, subject,
                        detail == null || detail.isEmpty() ? null : JSON.writeValueAsString(detail))
                .update();
    }

    /** Particulars from name-value pairs, in the order given; null values are left out. */
    public static Map<String, Object> detail(Object... namesAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                detail.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return detail;
    }
}
