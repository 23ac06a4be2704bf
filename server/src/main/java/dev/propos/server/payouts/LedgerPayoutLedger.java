package dev.propos.server.payouts;

import dev.propos.server.ledger.ChartOfAccounts;
import dev.propos.server.ledger.Ledger;
import dev.propos.server.ledger.PayoutPostings;
import dev.propos.server.ledger.Reference;
import dev.propos.server.ledger.TransferCommand;
import dev.propos.server.ledger.TransferResult;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A payout in the ledger (docs/ledger.md): the trader's share and fee refund are held when the
 * engine approves it, posted as payable when it is executed, paid out of cash when the money has
 * left, released or reversed when it will not be paid. Keys derive from the payout's id, so that
 * every step repeated posts nothing. The firm's share is not money that moves (it is the part of
 * the simulated profit the trader does not get): it stays on the payout, not in the ledger.
 */
@Component
class LedgerPayoutLedger implements PayoutLedger {

    private final Ledger ledger;
    private final PayoutPostings postings;
    private final ChartOfAccounts chart;

    LedgerPayoutLedger(Ledger ledger, PayoutPostings postings, ChartOfAccounts chart) {
        this.ledger = ledger;
        this.postings = postings;
        this.chart = chart;
    }

    @Override
    public void hold(Payout payout) {
        if (owed(payout)) {
            require(ledger.execute(postings.approval(of(payout), cause(payout))), payout, "hold");
        }
    }

    @Override
    public void execute(Payout payout) {
        if (owed(payout)) {
            require(ledger.execute(postings.execution(of(payout), cause(payout)).stream()
                    .filter(leg -> !isPayment(leg)).toList()), payout, "execute");
        }
    }

    @Override
    public void paid(Payout payout, String reference) {
        if (owed(payout)) {
            require(ledger.execute(postings.execution(of(payout), cause(payout)).stream()
                    .filter(LedgerPayoutLedger::isPayment).toList()), payout, "pay");
        }
    }

    @Override
    public void release(Payout payout, boolean executed) {
        if (!owed(payout)) {
            return;
        }
        if (!executed) {
            require(ledger.execute(postings.denial(of(payout), cause(payout))), payout, "release");
            return;
        }
        // Posted payable cannot be voided: the posting is reversed, share and refund back where they came from.
        String payable = chart.payoutsPayable(payout.trader(), payout.currency());
        List<TransferCommand> legs = new ArrayList<>();
        legs.add(new TransferCommand.Post("payout:" + payout.id() + ":share:reverse", payable,
                chart.payoutsPaid(payout.currency()), payout.traderShareCents(), payout.currency(), cause(payout),
                "payout " + payout.id() + ": not paid, share reversed"));
        if (payout.feeRefundCents() > 0) {
            legs.add(new TransferCommand.Post("payout:" + payout.id() + ":refund:reverse", payable,
                    chart.refunds(payout.currency()), payout.feeRefundCents(), payout.currency(), cause(payout),
                    "payout " + payout.id() + ": not paid, fee refund reversed"));
        }
        require(ledger.execute(legs), payout, "reverse");
    }

    private static boolean owed(Payout payout) {
        return payout.traderShareCents() > 0 && payout.trader() != null;
    }

    private static boolean isPayment(TransferCommand leg) {
        return leg.key().endsWith(":payment");
    }

    private static PayoutPostings.Payout of(Payout payout) {
        return new PayoutPostings.Payout(payout.id(), payout.trader(), payout.currency(), payout.traderShareCents(),
                payout.feeRefundCents());
    }

    private static Reference cause(Payout payout) {
        return Reference.decision(payout.id());
    }

    private static void require(TransferResult result, Payout payout, String step) {
        if (result instanceof TransferResult.Refused refused) {
            throw new IllegalStateException("the ledger refused to " + step + " payout " + payout.id() + ": "
                    + refused.refusal() + " (" + refused.message() + ")");
        }
    }
}
