package dev.propos.platform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.decision.Decision.AccountStatus;
import java.math.BigDecimal;

/** Checks shared by the tests that run the firm in the loop. */
final class EndToEnd {

    private EndToEnd() {
    }

    /**
     * The platform's balances are PropOS's: same profits to the cent, payouts on both sides. A
     * failed account is left out: the engine froze it at the breach, the platform closed it after.
     */
    static void assertSameBalances(FirmInTheLoop firm) {
        for (AccountStatus status : firm.engine.statuses()) {
            if (status.status().equals("failed")) {
                continue;
            }
            BigDecimal platform = firm.platform.simulation().account(status.account()).balance;
            assertThat(platform).as("balance of %s (%s)", status.account(), status.status())
                    .isEqualByComparingTo(BigDecimal.valueOf(status.balanceCents(), 2));
        }
    }
}
