package dev.propos.server.security;

import dev.propos.server.audit.Audit;
import dev.propos.server.web.ApiException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates logins: staff users with their roles, and traders' users (role TRADER, tied to their
 * trader). The password is kept only as the {@link PasswordEncoder}'s hash; the creation is audited.
 */
@Service
public class UserRegistry {

    /** No colon: HTTP Basic splits the name from the password at the first one. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.RISK, Role.SUPPORT, Role.FINANCE);

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final Audit audit;
    private final TransactionTemplate transaction;

    UserRegistry(UserStore users, PasswordEncoder passwords, Audit audit, TransactionTemplate transaction) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** A staff user: staff roles only (a trader's login comes with the trader, a platform gets a token). */
    public void createStaff(PropOsUser actor, String username, String password, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw ApiException.badRequest("a user needs at least one role");
        }
        if (!STAFF.containsAll(roles)) {
            throw ApiException.badRequest("staff roles are ADMIN, RISK, SUPPORT and FINANCE: a trader's login is "
                    + "created with the trader (/api/traders), a platform's access is an API token (/api/tokens)");
        }
        create(actor, username, password, roles, null);
    }

    /** A login for an existing trader, who then sees only their own accounts. */
    public void createTraderLogin(PropOsUser actor, String username, String password, String traderId) {
        create(actor, username, password, EnumSet.of(Role.TRADER), traderId);
    }

    private void create(PropOsUser actor, String username, String password, Set<Role> roles, String traderId) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("a user name is 1 to 64 letters, digits and . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (users.userExists(username)) {
            throw ApiException.conflict("user " + username + " exists already");
        }
        String hash = passwords.encode(password);
        try {
            // Joins the caller's transaction (a trader created with their login) when there is one.
            transaction.executeWithoutResult(status -> {
                users.createUser(username, hash, roles, traderId);
                audit.record(actor.name(), Audit.USER_CREATED, username,
                        Audit.detail("roles", roles.stream().map(Role::name).sorted().toList(), "trader", traderId));
            });
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("user " + username + " exists already");
        }
    }
}
