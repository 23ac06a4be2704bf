package dev.propos.server.accounts;

import dev.propos.server.reactions.Enrollments;
import dev.propos.server.security.PropOsUser;
import dev.propos.server.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Whether the caller may see an account: staff see every account, a trader only their own. Another
 * trader's account answers exactly as one that does not exist (404), so that its existence is not
 * revealed.
 */
@Component
public class AccountAccess {

    private final LiveAccounts live;
    private final Enrollments enrollments;

    AccountAccess(LiveAccounts live, Enrollments enrollments) {
        this.live = live;
        this.enrollments = enrollments;
    }

    /** Returns quietly when {@code user} may see {@code account}; otherwise 404. */
    public void require(PropOsUser user, String account) {
        String trader = live.owner(account).map(LiveAccounts.Owner::trader)
                // an enrollment whose account does not run yet belongs to its trader already
                .or(() -> enrollments.of(account).map(Enrollments.Enrollment::trader))
                .orElseThrow(() -> notFound(account));
        if (!user.maySee(trader)) {
            throw notFound(account);
        }
    }

    static ApiException notFound(String account) {
        return ApiException.notFound("no account " + account);
    }
}
