package dev.propos.server.ledger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The firm's chart of accounts, one set per currency, opened on first use: the firm's accounts all
 * at once ({@link #open}), a trader's payable account when the trader is first owed money. Ids are
 * readable and stable: {@code fees_received:USD}, {@code payouts_payable:T1:USD}.
 */
@Component
public class ChartOfAccounts {

    private final Ledger ledger;
    /** Ids known to exist: accounts are never deleted, so each is opened once per run. */
    private final Set<String> opened = ConcurrentHashMap.newKeySet();

    ChartOfAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Money at the bank and at payment providers: debited when a fee comes in, credited when a payout goes out. */
    public String cash(String currency) {
        return firmAccount(currency, "cash:" + currency);
    }

    /** Challenge fees paid by traders. */
    public String feesReceived(String currency) {
        return firmAccount(currency, "fees_received:" + currency);
    }

    /** Fees given back to traders (with a first payout, or a cancelled enrollment). */
    public String refunds(String currency) {
        return firmAccount(currency, "refunds:" + currency);
    }

    /** Traders' profit share: the firm's cost of payouts, pending while approved and posted when paid. */
    public String payoutsPaid(String currency) {
        return firmAccount(currency, "payouts_paid:" + currency);
    }

    /**
     * What the firm owes {@code trader}: credited by an approved payout share or refund, debited by
     * the payment. Never debited past its credits, so a trader is never paid more than owed.
     */
    public String payoutsPayable(String trader, String currency) {
        String id = "payouts_payable:" + trader + ":" + currency;
        if (!opened.contains(id)) {
            ledger.open(new AccountSpec(id, "Payouts payable to " + trader + " (" + currency + ")",
                    AccountKind.LIABILITY, currency, trader, BalanceLimit.DEBITS_MUST_NOT_EXCEED_CREDITS));
            opened.add(id);
        }
        return id;
    }

    /** Opens the firm's accounts in {@code currency} unless they exist. */
    public void open(String currency) {
        for (AccountSpec spec : firmAccounts(currency)) {
            if (!opened.contains(spec.id())) {
                ledger.open(spec);
                opened.add(spec.id());
            }
        }
    }

    private String firmAccount(String currency, String id) {
        if (!opened.contains(id)) {
            open(currency);
        }
        return id;
    }

    private static Set<AccountSpec> firmAccounts(String currency) {
        return Set.of(
                firm("cash:" + currency, "Cash and bank clearing", AccountKind.ASSET, currency),
                firm("fees_received:" + currency, "Fees received", AccountKind.REVENUE, currency),
                firm("refunds:" + currency, "Fee refunds", AccountKind.EXPENSE, currency),
                firm("payouts_paid:" + currency, "Payouts paid (traders' profit share)", AccountKind.EXPENSE, currency));
    }

    private static AccountSpec firm(String id, String name, AccountKind kind, String currency) {
        return new AccountSpec(id, name + " (" + currency + ")", kind, currency, null, BalanceLimit.NONE);
    }
}
