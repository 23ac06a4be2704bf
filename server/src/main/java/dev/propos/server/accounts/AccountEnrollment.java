package dev.propos.server.accounts;

import dev.propos.engine.config.Program;
import dev.propos.server.audit.Audit;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.reactions.Enrollments;
import dev.propos.server.security.PropOsUser;
import dev.propos.server.traders.TraderStore;
import dev.propos.server.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator's enrollment of a trader into a program: checks the request, gives the account its id
 * and plans the enrollment ({@link Enrollments}: the platform account is created, then the account
 * starts in the engine), audited in the same transaction.
 */
@Service
public class AccountEnrollment {

    /** What to enroll: the program's newest version unless one is named; a fee when the trader paid one. */
    public record Request(String trader, String program, Integer version, BigDecimal fee) {
    }

    /** The enrollment as planned: the account runs once the platform has created it. */
    public record Enrolled(String account, String trader, String program, int version, String phase, BigDecimal fee,
                    Instant requestedAt) {
    }

    private final TraderStore traders;
    private final JournalWriter journal;
    private final Enrollments enrollments;
    private final AccountNumbers numbers;
    private final Audit audit;
    private final TransactionTemplate transaction;

    AccountEnrollment(TraderStore traders, JournalWriter journal, Enrollments enrollments, AccountNumbers numbers,
                      Audit audit, TransactionTemplate transaction) {
        this.traders = traders;
        this.journal = journal;
        this.enrollments = enrollments;
        this.numbers = numbers;
        this.audit = audit;
        this.transaction = transaction;
    }

    Enrolled enroll(Request request, PropOsUser actor) {
        return enroll(request, actor.name());
    }

    /**
     * Enrolls for {@code actor} (a person, or a system such as a payment processor's webhook). Inside
     * a caller's transaction it joins it, so that an enrollment is stored with what caused it.
     */
    public Enrolled enroll(Request request, String actor) {
        if (request.trader() == null || !traders.exists(request.trader())) {
            throw ApiException.badRequest("unknown trader " + request.trader() + ": create the trader first");
        }
        if (request.program() == null) {
            throw ApiException.badRequest("a program is required");
        }
        Program program = journal.config().program(request.program(), request.version());
        if (program == null) {
            throw ApiException.badRequest("unknown program " + request.program()
                    + (request.version() == null ? "" : " version " + request.version()));
        }
        BigDecimal fee = request.fee();
        if (fee != null && (fee.signum() < 0 || fee.stripTrailingZeros().scale() > 2)) {
            throw ApiException.badRequest("a fee is an amount of money of at least 0, in cents at most");
        }
        Instant requestedAt = journal.firmNow(); // the account starts at the firm's time
        return transaction.execute(status -> {
            String account = numbers.next();
            enrollments.enroll(account, request.trader(), program, fee, requestedAt);
            audit.record(actor, Audit.ACCOUNT_ENROLLED, account, Audit.detail("trader", request.trader(),
                    "program", program.id(), "version", program.version(), "fee", fee));
            return new Enrolled(account, request.trader(), program.id(), program.version(),
                    program.firstPhase().id(), fee, requestedAt);
        });
    }
}
