package dev.propos.server.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first administrator: on a database with no users, {@code PROPOS_ADMIN_USER} (default
 * {@code admin}) with the password {@code PROPOS_ADMIN_PASSWORD}, or a one-time password printed
 * once in the log, to be changed.
 */
@Component
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final String username;
    private final String password;

    InitialAdmin(UserStore users, PasswordEncoder passwords, @Value("${propos.admin.username:admin}") String username,
                 @Value("${propos.admin.password:}") String password) {
        this.users = users;
        this.passwords = passwords;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyUser()) {
            return;
        }
        String chosen = password;
        if (chosen.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            chosen = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("""

                    ************************************************************
                    First start: user '{}' with the one-time password {}
                    (set PROPOS_ADMIN_PASSWORD to choose it instead)
                    ************************************************************""", username, chosen);
        }
        users.createUser(username, passwords.encode(chosen), EnumSet.of(Role.ADMIN), null);
    }
}
