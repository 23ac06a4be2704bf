package dev.propos.server.payouts;

import dev.propos.server.payments.PaymentAnswers;
import org.springframework.stereotype.Component;

/**
 * A bank's answer about a payout's payment moves the payout as FINANCE's confirmation would: paid,
 * or failed and tried again (once the trader has given new bank details, when the bank refused
 * the beneficiary's account). A payment id is a payout id.
 */
@Component
class BankAnswers implements PaymentAnswers {

    private final PayoutWorkflow workflow;

    BankAnswers(PayoutWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void paid(String paymentId, String reference, String actor) {
        workflow.paid(paymentId, actor, reference);
    }

    @Override
    public void rejected(String paymentId, String reason, boolean newBankDetails, String actor) {
        workflow.failed(paymentId, actor, reason, newBankDetails);
    }
}
