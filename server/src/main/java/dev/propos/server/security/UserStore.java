package dev.propos.server.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
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

    /** A user as administrators see it: no password hash. */
    public record UserInfo(String username, Set<Role> roles, String traderId, boolean enabled, Instant createdAt) {
    }

    /** An API token as administrators see it: never the token, nor its hash. */
    public record TokenInfo(long id, String name, Set<Role> roles, String createdBy, Instant createdAt,
                            Instant revokedAt) {
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

    public boolean userExists(String username) {
        return jdbc.sql("select exists (select 1 from users where username = ?)").param(username)
                .query(Boolean.class).single();
    }

    public List<UserInfo> users() {
        return jdbc.sql("select username, roles, trader_id, enabled, created_at from users order by username")
                .query(UserStore::userInfo).list();
    }

    public Optional<UserInfo> userInfo(String username) {
        return jdbc.sql("select username, roles, trader_id, enabled, created_at from users where username = ?")
                .param(username).query(UserStore::userInfo).optional();
    }

    private static UserInfo userInfo(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new UserInfo(rs.getString(1), roles(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                rs.getTimestamp(5).toInstant());
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

    /** Stores a token's hash; gives the token's id, by which it is listed and revoked. */
    public long createToken(String name, String tokenHash, Set<Role> roles, String createdBy) {
        return jdbc.sql("""
                insert into api_tokens (name, token_hash, roles, created_by, created_at) values (?, ?, ?, ?, ?)
                returning id""")
                .params(name, tokenHash, join(roles), createdBy, Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    public List<TokenInfo> tokens() {
        return jdbc.sql("select id, name, roles, created_by, created_at, revoked_at from api_tokens order by id")
                .query((rs, row) -> new TokenInfo(rs.getLong(1), rs.getString(2), roles(rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Revokes a token from now on; false when there is no such token or it was revoked already. */
    public boolean revokeToken(long id) {
        return jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), id).update() == 1;
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
