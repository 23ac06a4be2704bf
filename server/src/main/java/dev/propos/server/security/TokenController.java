package dev.propos.server.security;

import dev.propos.server.audit.Audit;
import dev.propos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens for platforms' adapters and integrations (HTTP {@code Authorization: Bearer}). A token
 * is random, shown once when created, and stored only as its hash; it works until revoked.
 */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "users")
class TokenController {

    record NewToken(String name, Set<Role> roles) {
    }

    /** The token itself appears here only: PropOS cannot show it again. */
    record IssuedToken(long id, String name, Set<Role> roles, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore users;
    private final Audit audit;
    private final TransactionTemplate transaction;

    TokenController(UserStore users, Audit audit, TransactionTemplate transaction) {
        this.users = users;
        this.audit = audit;
        this.transaction = transaction;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API token with roles (PLATFORM for an adapter); the token is returned once")
    IssuedToken create(@RequestBody NewToken request, @AuthenticationPrincipal PropOsUser actor) {
        if (request.name() == null || request.name().isBlank()) {
            throw ApiException.badRequest("a token needs a name (what uses it)");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw ApiException.badRequest("a token needs at least one role");
        }
        if (request.roles().contains(Role.TRADER)) {
            throw ApiException.badRequest("a token belongs to no trader: TRADER is for traders' logins");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = "propos_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String name = request.name().strip();
        long id = transaction.execute(status -> {
            long created = users.createToken(name, UserStore.hash(token), request.roles(), actor.name());
            audit.record(actor.name(), Audit.TOKEN_CREATED, "token:" + created, Audit.detail("name", name,
                    "roles", request.roles().stream().map(Role::name).sorted().toList()));
            return created;
        });
        return new IssuedToken(id, name, request.roles(), token);
    }

    @GetMapping
    @Operation(summary = "Every API token (never the token itself), revoked ones with the time of revocation")
    List<UserStore.TokenInfo> list() {
        return users.tokens();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API token: requests carrying it are refused from now on")
    void revoke(@PathVariable long id, @AuthenticationPrincipal PropOsUser actor) {
        transaction.executeWithoutResult(status -> {
            if (!users.revokeToken(id)) {
                throw ApiException.notFound("no active token " + id);
            }
            audit.record(actor.name(), Audit.TOKEN_REVOKED, "token:" + id, null);
        });
    }
}
