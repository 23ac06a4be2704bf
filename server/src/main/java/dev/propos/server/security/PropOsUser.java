package dev.propos.server.security;

import java.security.Principal;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * The authenticated caller as PropOS sees it: a name, roles, and for a trader their trader id. A
 * {@link Principal}, so that {@code Authentication.getName()} (and an injected {@code Principal})
 * gives the name rather than the record's text.
 */
public record PropOsUser(String name, Set<Role> roles, String traderId) implements Principal {

    @Override
    public String getName() {
        return name;
    }

    public boolean isStaff() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.RISK) || roles.contains(Role.SUPPORT)
                || roles.contains(Role.FINANCE);
    }

    /** Whether the caller may see what belongs to {@code trader} (staff see everything). */
    public boolean maySee(String trader) {
        return isStaff() || (traderId != null && traderId.equals(trader));
    }

    public static PropOsUser of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PropOsUser user) {
            return user;
        }
        throw new IllegalStateException("no PropOS user is authenticated");
    }
}
