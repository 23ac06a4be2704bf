package dev.propos.server.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff users, for administrators. Traders' logins are made with the trader (/api/traders). */
@RestController
@RequestMapping("/api/users")
@Tag(name = "users")
class UserController {

    /** A new staff user: the password is stored only as a hash. */
    record NewUser(String username, String password, Set<Role> roles) {
    }

    private final UserRegistry registry;
    private final UserStore users;

    UserController(UserRegistry registry, UserStore users) {
        this.registry = registry;
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a staff user with roles (ADMIN, RISK, SUPPORT, FINANCE)")
    UserStore.UserInfo create(@RequestBody NewUser user, @AuthenticationPrincipal PropOsUser actor) {
        registry.createStaff(actor, user.username(), user.password(), user.roles());
        return users.userInfo(user.username()).orElseThrow();
    }

    @GetMapping
    @Operation(summary = "Every user, by name, without passwords")
    List<UserStore.UserInfo> list() {
        return users.users();
    }
}
