package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Scenarios.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propos.engine.decision.Decision;
import dev.propos.engine.decision.Decision.PayoutDecision;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Event.News;
import dev.propos.engine.event.Event.PositionOpened;
import dev.propos.engine.event.Side;
import dev.propos.platform.PlatformCommand;
import dev.propos.platform.PlatformCommand.AdjustBalance;
import dev.propos.platform.PlatformCommand.ClosePosition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** After a restart the simulator goes on from what PropOS has on record. */
class RecoveryTest {

    private static final SimulatorSettings SETTINGS = Scenarios.settings(71);
    private static final SimulatedTrader BY_HAND = new SimulatedTrader("hand-trader", "By Hand",
            new Behaviour.Copier("nobody"));

    @Test
    void a_recovered_simulator_has_the_accounts_positions_balances_quotes_and_time_on_record() {
        FirmInTheLoop firm = new FirmInTheLoop(SETTINGS).openDemoAccounts().run(Duration.ofDays(4), Duration.ofMinutes(20));
        SimulatorPlatform before = firm.platform;

        SimulatorPlatform after = restarted(firm.events, firm.executed);

        for (String id : accountsOf(firm)) {
            SimulatedAccount was = before.simulation().account(id);
            SimulatedAccount is = after.simulation().account(id);
            assertThat(is.balance).as("balance of %s", id).isEqualByComparingTo(was.balance);
            assertThat(is.enabled).as("enabled %s", id).isEqualTo(was.enabled);
            assertThat(is.traderId).isEqualTo(was.traderId);
            assertThat(is.positions.keySet()).as("positions of %s", id).isEqualTo(was.positions.keySet());
            is.positions.forEach((position, open) ->
                    assertThat(open.lots).isEqualByComparingTo(was.positions.get(position).lots));
        }
        assertThat(after.now()).isEqualTo(lastTime(firm.events));
        assertThat(after.simulation().market().latestQuotes()).isEqualTo(before.simulation().market().latestQuotes());
    }

    @Test
    void the_firm_goes_on_with_the_recovered_simulator_and_the_same_engine() {
        FirmInTheLoop firm = new FirmInTheLoop(SETTINGS).openDemoAccounts().run(Duration.ofDays(4), Duration.ofMinutes(20));
        int eventsBefore = firm.events.size();
        int decisionsBefore = firm.decisions.size();
        long ticketsBefore = firm.events.stream().filter(PositionOpened.class::isInstance)
                .mapToLong(e -> Long.parseLong(((PositionOpened) e).position())).max().orElseThrow();

        firm.continueWith(restarted(firm.events, firm.executed)).run(Duration.ofDays(4), Duration.ofMinutes(20));

        List<Event> afterRestart = firm.events.subList(eventsBefore, firm.events.size());
        assertThat(Scenarios.ofType(afterRestart, PositionOpened.class))
                .isNotEmpty().allSatisfy(open -> assertThat(Long.parseLong(open.position())).isGreaterThan(ticketsBefore));
        Set<String> idsBefore = firm.events.subList(0, eventsBefore).stream().map(Event::id).collect(Collectors.toSet());
        assertThat(afterRestart.stream().filter(e -> !(e instanceof News)).map(Event::id).filter(idsBefore::contains))
                .as("ids used again after the restart").isEmpty();
        assertThat(firm.decisions.subList(decisionsBefore, firm.decisions.size())).isNotEmpty();
        EndToEnd.assertSameBalances(firm);
    }

    @Test
    void a_command_on_record_does_not_act_again_after_the_restart() throws Exception {
        FirmInTheLoop firm = new FirmInTheLoop(SETTINGS).openDemoAccounts().run(Duration.ofDays(6), Duration.ofMinutes(20));
        AdjustBalance payout = firm.executed.stream().filter(AdjustBalance.class::isInstance)
                .map(AdjustBalance.class::cast).findFirst().orElseThrow();
        assertThat(firm.decisionsOf(PayoutDecision.class)).anyMatch(PayoutDecision::approved);
        SimulatorPlatform after = restarted(firm.events, firm.executed);
        BigDecimal balance = after.simulation().account(payout.account()).balance;

        assertThat(after.execute(payout).detail()).isEqualTo("executed before the restart");
        assertThat(after.simulation().account(payout.account()).balance).isEqualByComparingTo(balance);
    }

    @Test
    void reports_lost_in_the_crash_are_sent_again_with_their_ids() throws Exception {
        SimulatorPlatform before = Scenarios.simulator(SETTINGS, List.of(BY_HAND));
        PlatformCommand create = Scenarios.create("A-1", BY_HAND.id(), false);
        before.execute(create);
        List<Event> journal = new ArrayList<>(before.advanceTo(MONDAY.plus(Duration.ofHours(4))));
        String position = before.openByHand("A-1", "XAUUSD", Side.BUY, BigDecimal.ONE);
        journal.addAll(before.advanceTo(before.now().plus(Duration.ofHours(1))));
        AdjustBalance deposit = new AdjustBalance("deposit-1", "A-1", new BigDecimal("2500"), "deposit");
        ClosePosition close = new ClosePosition("close-1", "A-1", position, null);
        before.execute(deposit);
        before.execute(close);
        List<Event> lost = before.advanceTo(before.now());

        SimulatorPlatform after = restarted(journal, List.of(create, deposit, close));
        List<Event> resent = after.advanceTo(after.now());

        assertThat(resent).extracting(Event::id).containsExactlyElementsOf(lost.stream().map(Event::id).toList());
        assertThat(after.simulation().account("A-1").balance).isEqualByComparingTo(before.simulation().account("A-1").balance);
        assertThat(after.simulation().account("A-1").positions).isEmpty();
    }

    @Test
    void a_report_in_the_journal_proves_its_command_acted_even_without_a_record_of_it() throws Exception {
        SimulatorPlatform before = Scenarios.simulator(SETTINGS, List.of(BY_HAND));
        PlatformCommand create = Scenarios.create("A-1", BY_HAND.id(), false);
        before.execute(create);
        AdjustBalance deposit = new AdjustBalance("deposit-1", "A-1", new BigDecimal("2500"), "deposit");
        before.execute(deposit);
        List<Event> journal = before.advanceTo(MONDAY.plus(Duration.ofHours(1)));

        SimulatorPlatform after = restarted(journal, List.of(create)); // the deposit's outcome was not recorded

        assertThat(after.execute(deposit).detail()).isEqualTo("executed before the restart");
        assertThat(after.simulation().account("A-1").balance).isEqualByComparingTo("102500");
        assertThat(after.advanceTo(after.now())).isEmpty();
    }

    @Test
    void recovery_comes_before_anything_else() {
        SimulatorPlatform running = Scenarios.simulator(SETTINGS, List.of());
        running.advanceTo(MONDAY.plusSeconds(60));

        assertThatThrownBy(() -> running.recover(List.of(), List.of())).isInstanceOf(IllegalStateException.class);
    }

    private static SimulatorPlatform restarted(List<Event> journal, List<? extends PlatformCommand> executed) {
        SimulatorPlatform platform = new SimulatorPlatform(SETTINGS, SimulatedTraders.demo(),
                InstantSource.fixed(Instant.EPOCH));
        platform.recover(journal, executed);
        return platform;
    }

    private static List<String> accountsOf(FirmInTheLoop firm) {
        return firm.engine.statuses().stream().map(Decision.AccountStatus::account).toList();
    }

    private static Instant lastTime(List<Event> events) {
        return events.stream().filter(e -> !(e instanceof News)).map(Event::time).max(Instant::compareTo).orElseThrow();
    }
}
