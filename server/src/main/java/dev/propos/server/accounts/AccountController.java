package dev.propos.server.accounts;

import dev.propos.engine.config.Program;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.reactions.Enrollments;
import dev.propos.server.security.PropOsUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts: enrollment by administrators and support, and what each account is and how it stands.
 * Staff see every account; a trader sees only their own, and another's answers 404.
 */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "accounts")
class AccountController {

    static final String ENROLLING = "enrolling";
    static final String ENROLLMENT_FAILED = "enrollment_failed";

    private final AccountEnrollment enrollment;
    private final LiveAccounts live;
    private final Enrollments enrollments;
    private final JournalWriter journal;

    AccountController(AccountEnrollment enrollment, LiveAccounts live, Enrollments enrollments, JournalWriter journal) {
        this.enrollment = enrollment;
        this.live = live;
        this.enrollments = enrollments;
        this.journal = journal;
    }

    @PostMapping
    @Operation(summary = "Enroll a trader into a program (its newest version unless one is named)",
            description = "Answers 202 with the new account's id at once: the platform account is created "
                    + "(retried while the platform fails), then the account starts in the engine. Until then "
                    + "the account shows as `enrolling`.")
    ResponseEntity<AccountEnrollment.Enrolled> enroll(@RequestBody AccountEnrollment.Request request,
                                                      @AuthenticationPrincipal PropOsUser user) {
        AccountEnrollment.Enrolled enrolled = enrollment.enroll(request, user);
        return ResponseEntity.accepted().location(URI.create("/api/accounts/" + enrolled.account())).body(enrolled);
    }

    @GetMapping
    @Operation(summary = "Accounts by id with their status and money; a trader gets only their own",
            description = "Filters: `status` (active, paused, passed, failed, enrolling, enrollment_failed), "
                    + "`program`, `trader` (staff). Page on with `after`, the last account of the previous page.")
    List<AccountSummary> list(@RequestParam(required = false) String status,
                              @RequestParam(required = false) String program,
                              @RequestParam(required = false) String trader,
                              @RequestParam(required = false) String after,
                              @RequestParam(defaultValue = "100") int limit,
                              @AuthenticationPrincipal PropOsUser user) {
        String ofTrader = trader;
        if (!user.isStaff()) {
            if (trader != null && !trader.equals(user.traderId())) {
                return List.of();
            }
            ofTrader = user.traderId();
        }
        int max = Math.clamp(limit, 1, 10_000);
        LiveAccounts.Filter filter = new LiveAccounts.Filter(ofTrader, program, status, after, max);
        List<AccountSummary> accounts = new ArrayList<>(live.list(filter));
        if (status == null || status.equals(ENROLLING) || status.equals(ENROLLMENT_FAILED)) {
            // Enrollments not running yet: few, and they sort in among the others.
            for (Enrollments.Enrollment open : enrollments.open()) {
                AccountSummary summary = enrolling(open);
                if ((filter.trader() == null || filter.trader().equals(summary.trader()))
                        && (program == null || program.equals(summary.program()))
                        && (status == null || status.equals(summary.status()))
                        && (after == null || summary.account().compareTo(after) > 0)) {
                    accounts.add(summary);
                }
            }
            accounts.sort(Comparator.comparing(AccountSummary::account));
        }
        return accounts.size() > max ? accounts.subList(0, max) : accounts;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account: program version, phase, status, figures, rules' live status, enrollment")
    AccountDetail detail(@PathVariable String id, @AuthenticationPrincipal PropOsUser user) {
        Optional<Enrollments.Enrollment> enrolled = enrollments.of(id);
        AccountDetail detail = live.detail(id)
                .map(d -> new AccountDetail(d.account(), d.trader(), d.program(), d.version(), d.programName(),
                        d.currency(), d.phase(), d.funded(), d.status(), d.asOf(), d.figures(), d.rules(),
                        enrolled.orElse(null)))
                .or(() -> enrolled.map(this::enrollingDetail))
                .orElseThrow(() -> AccountAccess.notFound(id));
        if (!user.maySee(detail.trader())) {
            throw AccountAccess.notFound(id);
        }
        return detail;
    }

    private static AccountSummary enrolling(Enrollments.Enrollment enrollment) {
        return new AccountSummary(enrollment.account(), enrollment.trader(), enrollment.program(),
                enrollment.version(), enrollment.phase(), enrollmentStatus(enrollment), null, null);
    }

    private AccountDetail enrollingDetail(Enrollments.Enrollment enrollment) {
        Program program = journal.config().program(enrollment.program(), enrollment.version());
        return new AccountDetail(enrollment.account(), enrollment.trader(), enrollment.program(), enrollment.version(),
                program == null ? null : program.name(), program == null ? null : program.currency(),
                enrollment.phase(), program == null ? null : program.phase(enrollment.phase()).funded(),
                enrollmentStatus(enrollment), null, null, null, enrollment);
    }

    /** An enrollment created on the platform but not yet evaluated is still enrolling: it starts in a moment. */
    private static String enrollmentStatus(Enrollments.Enrollment enrollment) {
        return "failed".equals(enrollment.status()) ? ENROLLMENT_FAILED : ENROLLING;
    }
}
