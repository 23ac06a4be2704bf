package dev.propos.server.traders;

import dev.propos.server.audit.Audit;
import dev.propos.server.security.PropOsUser;
import dev.propos.server.security.UserRegistry;
import dev.propos.server.web.ApiException;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates traders, with a login if asked, in one audited transaction. */
@Service
class TraderRegistry {

    /** The id is what account events carry as {@code trader}: kept to characters every platform takes. */
    private static final Pattern TRADER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final TraderStore traders;
    private final UserRegistry users;
    private final Audit audit;
    private final TransactionTemplate transaction;

    TraderRegistry(TraderStore traders, UserRegistry users, Audit audit, TransactionTemplate transaction) {
        this.traders = traders;
        this.users = users;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Creates the trader and, with a {@code username}, their login (role TRADER). */
    void create(PropOsUser actor, String id, String name, String email, String username, String password) {
        if (id == null || !TRADER_ID.matcher(id).matches()) {
            throw ApiException.badRequest("a trader id is 1 to 64 letters, digits and . _ -");
        }
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("a trader needs a name");
        }
        if (email != null && !email.isBlank() && !email.contains("@")) {
            throw ApiException.badRequest("not an e-mail address: " + email);
        }
        if (traders.exists(id)) {
            throw ApiException.conflict("trader " + id + " exists already");
        }
        try {
            transaction.executeWithoutResult(status -> {
                traders.insert(id, name.strip(), email == null || email.isBlank() ? null : email.strip());
                audit.record(actor.name(), Audit.TRADER_CREATED, id,
                        Audit.detail("name", name.strip(), "email", email, "login", username));
                if (username != null) {
                    users.createTraderLogin(actor, username, password, id);
                }
            });
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("trader " + id + " exists already");
        }
    }

    /** Adds a login to an existing trader. */
    void addLogin(PropOsUser actor, String traderId, String username, String password) {
        if (!traders.exists(traderId)) {
            throw ApiException.notFound("no trader " + traderId);
        }
        users.createTraderLogin(actor, username, password, traderId);
    }
}
