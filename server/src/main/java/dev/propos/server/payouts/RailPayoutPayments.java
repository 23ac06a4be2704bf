package dev.propos.server.payouts;

import dev.propos.server.payments.Beneficiary;
import dev.propos.server.payments.PaymentInstruction;
import dev.propos.server.payments.PaymentRail;
import dev.propos.server.payments.PaymentRails;
import dev.propos.server.payments.RailName;
import dev.propos.server.payments.RailSubmission;
import dev.propos.server.traders.BankDetails;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Pays a payout through the firm's default rail: the trader's share and any fee refund, to the
 * trader's bank details, with the payout's id as the payment's (so a repeated submission pays once).
 */
@Component
class RailPayoutPayments implements PayoutPayments {

    private final PaymentRails rails;
    private final BankDetails bankDetails;
    private final Clock clock;

    RailPayoutPayments(PaymentRails rails, BankDetails bankDetails, Clock clock) {
        this.rails = rails;
        this.bankDetails = bankDetails;
        this.clock = clock;
    }

    @Override
    public String submit(Payout payout) throws PaymentRefused {
        Beneficiary beneficiary = bankDetails.of(payout.trader())
                .orElseThrow(() -> new PaymentRefused("trader " + payout.trader() + " has no bank details"));
        PaymentRail rail = rails.byDefault();
        PaymentInstruction instruction = new PaymentInstruction(payout.id(), payout.traderShareCents() + payout.feeRefundCents(),
                payout.currency(), beneficiary, "PropOS payout " + payout.id() + " account " + payout.account(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return switch (rail.submit(instruction)) {
            case RailSubmission.Accepted accepted -> accepted.rail().code();
            case RailSubmission.Refused refused -> throw new PaymentRefused(refused.reason());
        };
    }

    @Override
    public void confirm(Payout payout, String reference) {
        rails.get(RailName.of(payout.rail())).confirm(payout.id(), reference);
    }

    @Override
    public void reject(Payout payout, String reason) {
        rails.get(RailName.of(payout.rail())).reject(payout.id(), reason);
    }
}
