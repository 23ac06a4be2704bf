package dev.propos.server.accounts;

import dev.propos.server.reactions.Notifications;
import dev.propos.server.security.PropOsUser;
import dev.propos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What traders were told about their accounts (passes, breaches, payouts), newest first. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "accounts")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications (a trader); staff name the trader")
    List<Notifications.Notification> list(@RequestParam(required = false) String trader,
                                          @RequestParam(defaultValue = "50") int limit,
                                          @AuthenticationPrincipal PropOsUser user) {
        String of = user.isStaff() ? trader : user.traderId();
        if (of == null) {
            throw ApiException.badRequest("name the trader whose notifications to show (trader=...)");
        }
        if (!user.isStaff() && trader != null && !trader.equals(of)) {
            return List.of(); // only one's own, whichever trader is named
        }
        return notifications.ofTrader(of, Math.clamp(limit, 1, 1000));
    }
}
