package dev.propos.server.traders;

import dev.propos.server.security.PropOsUser;
import dev.propos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traders: created by administrators or support, optionally with a login; seen by staff, and each
 * trader sees themself (another trader's id answers 404, as if it did not exist).
 */
@RestController
@RequestMapping("/api/traders")
@Tag(name = "traders")
class TraderController {

    /** A login for the trader: they then sign in with HTTP Basic and see only their own accounts. */
    record Login(String username, String password) {
    }

    record NewTrader(String id, String name, String email, Login login) {
    }

    record Trader(String id, String name, String email, Instant createdAt, List<String> logins) {
        static Trader of(TraderStore.StoredTrader stored) {
            return new Trader(stored.id(), stored.name(), stored.email(), stored.createdAt(), stored.logins());
        }
    }

    private final TraderRegistry registry;
    private final TraderStore traders;

    TraderController(TraderRegistry registry, TraderStore traders) {
        this.registry = registry;
        this.traders = traders;
    }

    @PostMapping
    @Operation(summary = "Create a trader, with a login (role TRADER) when one is given")
    ResponseEntity<Trader> create(@RequestBody NewTrader request, @AuthenticationPrincipal PropOsUser actor) {
        Login login = request.login();
        registry.create(actor, request.id(), request.name(), request.email(),
                login == null ? null : login.username(), login == null ? null : login.password());
        return ResponseEntity.created(URI.create("/api/traders/" + request.id())).body(trader(request.id()));
    }

    @PostMapping("/{id}/logins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Give an existing trader another login")
    Trader addLogin(@PathVariable String id, @RequestBody Login login, @AuthenticationPrincipal PropOsUser actor) {
        registry.addLogin(actor, id, login.username(), login.password());
        return trader(id);
    }

    @GetMapping
    @Operation(summary = "Traders by id (staff); page on with `after`, the last id of the previous page")
    List<Trader> list(@RequestParam(required = false) String after, @RequestParam(defaultValue = "100") int limit) {
        return traders.list(after, Math.clamp(limit, 1, 10_000)).stream().map(Trader::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One trader: staff see any, a trader sees themself")
    Trader one(@PathVariable String id, @AuthenticationPrincipal PropOsUser user) {
        if (!user.maySee(id)) {
            throw ApiException.notFound("no trader " + id);
        }
        return trader(id);
    }

    private Trader trader(String id) {
        return traders.find(id).map(Trader::of).orElseThrow(() -> ApiException.notFound("no trader " + id));
    }
}
