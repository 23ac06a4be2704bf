package dev.propos.server.payouts;

import dev.propos.server.kyc.KycService;
import dev.propos.server.kyc.KycStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The program's policy for a checked payout: approved at once, or reviewed by FINANCE (with two
 * approvers above the program's amount). The reasons for review are kept with the step.
 */
@Component
class PayoutPolicy {

    /** The policy's answer: approve now, or review for these reasons. */
    record Verdict(boolean approve, List<String> reasons) {
    }

    private final PayoutSettings settings;
    private final KycService kyc;
    private final PayoutStore store;
    private final JdbcClient jdbc;

    PayoutPolicy(PayoutSettings settings, KycService kyc, PayoutStore store, JdbcClient jdbc) {
        this.settings = settings;
        this.kyc = kyc;
        this.store = store;
        this.jdbc = jdbc;
    }

    Verdict judge(Payout payout) {
        List<String> reasons = new ArrayList<>();
        long limitCents = settings.autoApproveUpToCents(payout.program());
        if (payout.amountCents() > limitCents) {
            reasons.add("amount above " + dev.propos.engine.money.Money.format(limitCents));
        }
        if (payout.trader() == null || kyc.of(payout.trader()).status() != KycStatus.APPROVED) {
            reasons.add("trader not verified");
        }
        if (hasRiskHold(payout)) {
            reasons.add("risk flag on the account within " + settings.riskHoldDays() + " days");
        }
        // Asked on the platform, past the API's one-at-a-time check: a cancellation gives back the
        // account's last approved payout only, so two in flight are for a person to untangle.
        store.inFlight(payout.account(), payout.id()).ifPresent(other -> reasons.add("payout " + other.id()
                + " of the account is still " + other.state().wireName()));
        return new Verdict(reasons.isEmpty(), reasons);
    }

    /** How many different approvers the payout needs. */
    int approversNeeded(Payout payout) {
        return payout.amountCents() > settings.secondApproverAboveCents(payout.program()) ? 2 : 1;
    }

    private boolean hasRiskHold(Payout payout) {
        return jdbc.sql("""
                select exists (select 1 from decisions where type = 'risk_flag' and decided_at >= ?
                               and jsonb_exists(line::jsonb -> 'accounts', ?))""")
                .params(Timestamp.from(payout.decidedAt().minus(Duration.ofDays(settings.riskHoldDays()))),
                        payout.account())
                .query(Boolean.class).single();
    }
}
