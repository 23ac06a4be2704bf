package dev.propos.server.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and API tokens, as stored: passwords and tokens only as hashes. */
@Repository
public class UserStore {

    /** A stored user: the password hash is checked by Spring Security's encoder. */
    record StoredUser(String username, String passwordHash, Set<Role> roles, String traderId, boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    UserStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<StoredUser> user(String username) {
        return jdbc.sql("select username, password_hash, roles, trader_id, enabled from users where username = ?")
                .param(username)
                .query((rs, row) -> new StoredUser(rs.getString(1), rs.getString(2), roles(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5)))
                .optional();
    }

    boolean anyUser() {
        return jdbc.sql("select exists (select 1 from users)").query(Boolean.class).single();
    }

    public void createUser(String username, String passwordHash, Set<Role> roles, String traderId) {
        jdbc.sql("insert into users (username, password_hash, roles, trader_id, created_at) values (?, ?, ?, ?, ?)")
                .params(username, passwordHash, join(roles), traderId, Timestamp.from(clock.instant()))
                .update();
    }

    Optional<PropOsUser> tokenUser(String tokenHash) {
        return jdbc.sql("select name, roles from api_tokens where token_hash = ? and revoked_at is null")
                .param(tokenHash)
                .query((rs, row) -> new PropOsUser("token:" + rs.getString(1), roles(rs.getString(2)), null))
                .optional();
    }

    public void createToken(String name, String tokenHash, Set<Role> roles, String createdBy) {
        jdbc.sql("insert into api_tokens (name, token_hash, roles, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(name, tokenHash, join(roles), createdBy, Timestamp.from(clock.instant()))
                .update();
    }

    static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static String join(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    /** Tokens are random and long, so a fast hash is enough; only the hash is stored. */
    public static String hash(String token) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
