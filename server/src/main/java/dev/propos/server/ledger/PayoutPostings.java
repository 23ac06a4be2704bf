package dev.propos.server.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The requests of a payout's life (docs/ledger.md), for {@link Ledger#execute}. Approval holds the
 * trader's share and fee refund on their payable account; execution posts both holds and pays the
 * total out of cash, as one request; denial voids the holds. Keys derive from the payout's id, so
 * running any step again is a retry that posts nothing.
 */
@Component
public class PayoutPostings {

    /** A payout: the amounts the firm pays the trader (their profit share, and a fee refund or 0). */
    public record Payout(String payoutId, String trader, String currency, long traderShareCents,
                         long feeRefundCents) {
        public Payout {
            Objects.requireNonNull(payoutId, "payoutId");
            Objects.requireNonNull(trader, "trader");
            Objects.requireNonNull(currency, "currency");
        }

        long totalCents() {
            return Math.addExact(traderShareCents, feeRefundCents);
        }
    }

    private final ChartOfAccounts chart;

    PayoutPostings(ChartOfAccounts chart) {
        this.chart = chart;
    }

    /** Holds the share (payouts paid to payable) and the refund (refunds to payable), pending until paid or denied. */
    public List<TransferCommand> approval(Payout payout, Reference cause) {
        String payable = chart.payoutsPayable(payout.trader(), payout.currency());
        List<TransferCommand> legs = new ArrayList<>();
        legs.add(new TransferCommand.Hold(shareKey(payout), chart.payoutsPaid(payout.currency()), payable,
                payout.traderShareCents(), payout.currency(), cause, "payout " + payout.payoutId() + ": trader's share"));
        if (payout.feeRefundCents() > 0) {
            legs.add(new TransferCommand.Hold(refundKey(payout), chart.refunds(payout.currency()), payable,
                    payout.feeRefundCents(), payout.currency(), cause, "payout " + payout.payoutId() + ": fee refund"));
        }
        return legs;
    }

    /** Posts the holds and pays their total from the payable account out of cash: all three or none. */
    public List<TransferCommand> execution(Payout payout, Reference cause) {
        List<TransferCommand> legs = new ArrayList<>();
        legs.add(new TransferCommand.PostPending(shareKey(payout) + ":post", shareKey(payout),
                payout.traderShareCents(), cause, "payout " + payout.payoutId() + ": trader's share"));
        if (payout.feeRefundCents() > 0) {
            legs.add(new TransferCommand.PostPending(refundKey(payout) + ":post", refundKey(payout),
                    payout.feeRefundCents(), cause, "payout " + payout.payoutId() + ": fee refund"));
        }
        legs.add(new TransferCommand.Post("payout:" + payout.payoutId() + ":payment",
                chart.payoutsPayable(payout.trader(), payout.currency()), chart.cash(payout.currency()),
                payout.totalCents(), payout.currency(), cause, "payout " + payout.payoutId() + ": paid"));
        return legs;
    }

    /** Voids the holds: nothing is owed or paid. */
    public List<TransferCommand> denial(Payout payout, Reference cause) {
        List<TransferCommand> legs = new ArrayList<>();
        legs.add(new TransferCommand.VoidPending(shareKey(payout) + ":void", shareKey(payout), cause,
                "payout " + payout.payoutId() + ": denied"));
        if (payout.feeRefundCents() > 0) {
            legs.add(new TransferCommand.VoidPending(refundKey(payout) + ":void", refundKey(payout), cause,
                    "payout " + payout.payoutId() + ": denied"));
        }
        return legs;
    }

    private static String shareKey(Payout payout) {
        return "payout:" + payout.payoutId() + ":share";
    }

    private static String refundKey(Payout payout) {
        return "payout:" + payout.payoutId() + ":refund";
    }
}
