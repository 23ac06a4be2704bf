package dev.propos.platform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.decision.Decision.Breach;
import dev.propos.engine.decision.Decision.PayoutDecision;
import dev.propos.engine.decision.Decision.PhasePassed;
import dev.propos.engine.decision.Decision.RiskFlag;
import dev.propos.engine.decision.Decision.Violation;
import dev.propos.engine.event.Event.News;
import dev.propos.engine.event.Event.PayoutRequested;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The best test: the demo roster trades for ten simulated days through the real engine under the
 * demo configuration, with the server's reactions played by the test. A firm at work shows passes
 * into both next phases, breaches, a copy-trading flag, violations, and payouts paid.
 */
class DemoFirmEndToEndTest {

    @Test
    void ten_days_of_the_demo_firm_show_passes_breaches_a_copy_flag_and_payouts() {
        FirmInTheLoop firm = new FirmInTheLoop(Scenarios.settings(2026)).openDemoAccounts()
                .run(Duration.ofDays(10), Duration.ofMinutes(10));

        assertThat(firm.decisionsOf(PhasePassed.class)).extracting(PhasePassed::phase)
                .contains(DemoFirm.CHALLENGE, DemoFirm.VERIFICATION);
        assertThat(firm.decisionsOf(Breach.class)).extracting(Breach::account)
                .contains("SIM-1004", "SIM-1009"); // the reckless traders
        assertThat(firm.decisionsOf(RiskFlag.class)).filteredOn(flag -> flag.kind().equals("copy_trading"))
                .extracting(RiskFlag::accounts).contains(java.util.List.of("SIM-1005", "SIM-1006"));
        assertThat(firm.decisionsOf(Violation.class)).extracting(Violation::rule)
                .contains("news", "min_trade_duration");
        assertThat(firm.decisionsOf(PayoutDecision.class)).filteredOn(PayoutDecision::approved)
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(firm.decisionsOf(PayoutDecision.class)).hasSameSizeAs(firm.events.stream()
                .filter(PayoutRequested.class::isInstance).filter(e -> !finished(firm, (PayoutRequested) e)).toList());
        EndToEnd.assertSameBalances(firm);
    }

    @Test
    void the_first_simulated_day_already_shows_the_firm_at_work() {
        FirmInTheLoop firm = new FirmInTheLoop(Scenarios.settings(2026)).openDemoAccounts()
                .run(Duration.ofDays(1), Duration.ofMinutes(10));

        assertThat(firm.events).filteredOn(e -> !(e instanceof News)).hasSizeGreaterThan(1000);
        assertThat(firm.decisionsOf(RiskFlag.class)).isNotEmpty();
        assertThat(firm.decisionsOf(Violation.class)).isNotEmpty();
    }

    private static boolean finished(FirmInTheLoop firm, PayoutRequested request) {
        return firm.decisionsOf(Breach.class).stream()
                .anyMatch(b -> b.account().equals(request.account()) && !b.time().isAfter(request.time()));
    }
}
