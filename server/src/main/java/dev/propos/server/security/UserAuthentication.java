package dev.propos.server.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Checks a user's name and password against the users table. */
final class UserAuthentication implements AuthenticationProvider {

    private final UserStore users;
    private final PasswordEncoder passwords;

    UserAuthentication(UserStore users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        UserStore.StoredUser user = users.user(name)
                .filter(UserStore.StoredUser::enabled)
                .filter(u -> credentials != null && passwords.matches(credentials.toString(), u.passwordHash()))
                .orElseThrow(() -> new BadCredentialsException("bad user name or password"));
        PropOsUser principal = new PropOsUser(user.username(), user.roles(), user.traderId());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities(principal));
    }

    static List<GrantedAuthority> authorities(PropOsUser user) {
        return user.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
