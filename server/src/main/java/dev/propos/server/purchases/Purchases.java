package dev.propos.server.purchases;

import dev.propos.server.accounts.AccountEnrollment;
import dev.propos.server.ledger.ChartOfAccounts;
import dev.propos.server.ledger.Ledger;
import dev.propos.server.ledger.Reference;
import dev.propos.server.ledger.TransferCommand;
import dev.propos.server.ledger.TransferResult;
import dev.propos.server.traders.TraderStore;
import dev.propos.server.web.WebhookDeliveries;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a payment processor's events do: a completed checkout creates the trader if new, records
 * the fee in the ledger, and enrolls the trader into the program bought (the platform account is created and
 * the account started); a refund is recorded. Each event is taken once, in one transaction with
 * everything it causes, so that a retried or replayed delivery changes nothing and a failed one is
 * taken whole when the processor retries it.
 */
@Service
class Purchases {

    private static final Logger log = LoggerFactory.getLogger(Purchases.class);
    static final String PROVIDER = "stripe";

    /** What became of an event. */
    enum Outcome { TAKEN, ALREADY_TAKEN, IGNORED }

    private final PurchaseStore store;
    private final WebhookDeliveries deliveries;
    private final TraderStore traders;
    private final AccountEnrollment enrollment;
    private final Ledger ledger;
    private final ChartOfAccounts chart;
    private final Clock clock;

    Purchases(PurchaseStore store, WebhookDeliveries deliveries, TraderStore traders, AccountEnrollment enrollment,
              Ledger ledger, ChartOfAccounts chart, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.traders = traders;
        this.enrollment = enrollment;
        this.ledger = ledger;
        this.chart = chart;
        this.clock = clock;
    }

    @Transactional
    public Outcome handle(StripeEvent event) {
        if (!deliveries.first(PROVIDER, event.id(), clock.instant())) {
            return Outcome.ALREADY_TAKEN;
        }
        return switch (event.type()) {
            case "checkout.session.completed" -> purchased(event.id(), event.checkoutCompleted());
            case "charge.refunded" -> refunded(event.id(), event.chargeRefunded());
            default -> Outcome.IGNORED;
        };
    }

    private Outcome purchased(String eventId, StripeEvent.CheckoutCompleted checkout) {
        if (checkout.program() == null) {
            throw new UnusablePurchase("checkout session " + checkout.session() + " names no program in its metadata");
        }
        if (checkout.email() == null && checkout.trader() == null) {
            throw new UnusablePurchase("checkout session " + checkout.session() + " has no customer email");
        }
        String trader = checkout.trader() != null ? checkout.trader() : traderOf(checkout.email());
        if (traders.createIfAbsent(trader, checkout.name() != null ? checkout.name() : checkout.email(), checkout.email())) {
            log.info("Trader {} created by checkout {}", trader, checkout.session());
        }
        BigDecimal fee = BigDecimal.valueOf(checkout.amountCents(), 2);
        AccountEnrollment.Enrolled enrolled = enrollment.enroll(
                new AccountEnrollment.Request(trader, checkout.program(), checkout.version(), fee), "stripe");
        store.insert(new PurchaseStore.Purchase(checkout.session(), eventId, checkout.paymentIntent(), trader,
                enrolled.program(), enrolled.version(), checkout.amountCents(), checkout.currency(), enrolled.account(),
                0, clock.instant()));
        if (checkout.amountCents() > 0) {
            post(new TransferCommand.Post("purchase:" + checkout.session(), chart.cash(checkout.currency()),
                    chart.feesReceived(checkout.currency()), checkout.amountCents(), checkout.currency(),
                    Reference.webhook(eventId), "fee for " + enrolled.program() + " (account " + enrolled.account() + ")"));
        }
        return Outcome.TAKEN;
    }

    private void post(TransferCommand.Post post) {
        if (ledger.post(post) instanceof TransferResult.Refused refused) {
            throw new IllegalStateException("the ledger refused " + post.key() + ": " + refused.message());
        }
    }

    private Outcome refunded(String eventId, StripeEvent.ChargeRefunded refund) {
        PurchaseStore.Purchase purchase = store.byPaymentIntent(refund.paymentIntent()).orElse(null);
        if (purchase == null) {
            log.warn("Refund of charge {} concerns no purchase of PropOS (payment intent {})", refund.charge(),
                    refund.paymentIntent());
            return Outcome.IGNORED;
        }
        long newlyRefundedCents = refund.amountRefundedCents() - purchase.refundedCents();
        if (newlyRefundedCents <= 0) {
            return Outcome.IGNORED;
        }
        store.refunded(purchase.checkoutSession(), refund.amountRefundedCents());
        post(new TransferCommand.Post("purchase-refund:" + refund.charge() + ":" + refund.amountRefundedCents(),
                chart.refunds(purchase.currency()), chart.cash(purchase.currency()), newlyRefundedCents,
                purchase.currency(), Reference.webhook(eventId), "refund of the fee of account " + purchase.account()));
        return Outcome.TAKEN;
    }

    /** A trader id derived from the email, so that every purchase by the same person finds the same trader. */
    static String traderOf(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "tr-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correctly signed event PropOS cannot act on (no program named, say). */
    static final class UnusablePurchase extends RuntimeException {
        UnusablePurchase(String message) {
            super(message);
        }
    }
}
