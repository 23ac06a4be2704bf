package dev.propos.server.kyc;

import dev.propos.server.audit.Audit;
import dev.propos.server.reactions.FundedAccountGate;
import dev.propos.server.reactions.Notifications;
import dev.propos.server.reactions.ReactionRelease;
import dev.propos.server.web.WebhookDeliveries;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KYC gate: a trader's funded account is created only once the trader is verified. A pass into
 * a funded phase (or an enrollment straight into one) waits for {@code kyc:<trader>}; the approval,
 * by a provider's webhook or by staff, releases it and the account is created at once.
 */
@Service
public class KycService implements FundedAccountGate {

    private static final Logger log = LoggerFactory.getLogger(KycService.class);
    static final String PROVIDER_MANUAL = "manual";

    private final KycStore store;
    private final WebhookDeliveries deliveries;
    private final ReactionRelease release;
    private final Notifications notifications;
    private final Audit audit;
    private final Clock clock;

    KycService(KycStore store, WebhookDeliveries deliveries, ReactionRelease release, Notifications notifications, Audit audit, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.release = release;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    public KycRecord of(String trader) {
        return store.of(trader).orElse(KycRecord.notStarted(trader));
    }

    @Override
    public String waitFor(String trader) {
        return of(trader).status() == KycStatus.APPROVED ? null : key(trader);
    }

    /** Starts a verification with {@code provider} (the trader follows its reference). */
    @Transactional
    public KycRecord start(String trader, KycProvider provider, String actor) {
        KycRecord current = of(trader);
        if (current.status() == KycStatus.APPROVED) {
            return current;
        }
        KycRecord started = new KycRecord(trader, KycStatus.PENDING, provider.name(), provider.start(trader), null, null,
                clock.instant());
        store.save(started);
        audit.record(actor, "kyc_started", trader, Audit.detail("provider", provider.name()));
        return started;
    }

    /** A person's decision (staff), audited with the reason. */
    @Transactional
    public KycRecord decide(String trader, boolean approved, String reason, String actor) {
        KycRecord decided = decided(trader, approved, PROVIDER_MANUAL, of(trader).providerReference(), reason, actor);
        audit.record(actor, approved ? "kyc_approved" : "kyc_rejected", trader, Audit.detail("reason", reason));
        return decided;
    }

    /** A provider's result; a delivery seen before changes nothing. */
    @Transactional
    public KycRecord fromProvider(KycProvider provider, KycProvider.KycResult result) {
        if (!deliveries.first("kyc:" + provider.name(), result.deliveryId(), clock.instant())) {
            log.info("KYC delivery {} from {} was taken before: ignored", result.deliveryId(), provider.name());
            return of(result.trader());
        }
        return decided(result.trader(), result.approved(), provider.name(), result.reference(), result.reason(),
                provider.name());
    }

    private KycRecord decided(String trader, boolean approved, String provider, String reference, String reason,
                              String decidedBy) {
        KycRecord record = new KycRecord(trader, approved ? KycStatus.APPROVED : KycStatus.REJECTED, provider, reference,
                reason, decidedBy, clock.instant());
        store.save(record);
        if (approved) {
            int released = release.release(key(trader));
            notifications.notifyTrader(trader, "kyc", "Your identity is verified."
                    + (released > 0 ? " Your funded account is being created." : ""), "kyc-" + trader + "-approved");
        } else {
            notifications.notifyTrader(trader, "kyc", "Your identity verification was not accepted"
                    + (reason == null ? "." : ": " + reason + "."), "kyc-" + trader + "-rejected-" + record.updatedAt());
        }
        return record;
    }

    private static String key(String trader) {
        return "kyc:" + trader;
    }
}
