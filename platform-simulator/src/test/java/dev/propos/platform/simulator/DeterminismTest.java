package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Scenarios.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final Duration TWO_DAYS = Duration.ofDays(2);

    @Test
    void the_same_seed_and_steps_give_the_same_events() {
        assertThat(demoFirm(42, List.of(Duration.ofMinutes(7)))).isEqualTo(demoFirm(42, List.of(Duration.ofMinutes(7))));
    }

    @Test
    void another_seed_gives_another_market_and_other_trades() {
        List<Event> one = demoFirm(1, List.of(Duration.ofHours(1)));
        List<Event> other = demoFirm(2, List.of(Duration.ofHours(1)));

        assertThat(Scenarios.ofType(one, Event.Quote.class).subList(0, 50))
                .isNotEqualTo(Scenarios.ofType(other, Event.Quote.class).subList(0, 50));
        assertThat(Scenarios.ofType(one, Event.PositionOpened.class))
                .isNotEqualTo(Scenarios.ofType(other, Event.PositionOpened.class));
    }

    /** How the clock thread slices time does not matter: only commands in between do. */
    @Property(tries = 12)
    void events_do_not_depend_on_how_time_is_sliced(@ForAll @IntRange(max = 1000) int seed,
                                                     @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 400) Integer> stepMinutes) {
        List<Duration> steps = stepMinutes.stream().map(Duration::ofMinutes).toList();

        assertThat(demoFirm(seed, steps)).isEqualTo(demoFirm(seed, List.of(TWO_DAYS)));
    }

    /** The demo firm's accounts trading for two days, time moved in the given steps (repeated). */
    private static List<Event> demoFirm(long seed, List<Duration> steps) {
        SimulatorPlatform simulator = Scenarios.simulator(seed, SimulatedTraders.demoRoster());
        for (DemoAccount account : DemoFirm.openingAccounts()) {
            Scenarios.execute(simulator, account.createAccount("create-" + account.account()));
        }
        List<Event> events = new ArrayList<>();
        Instant end = MONDAY.plus(TWO_DAYS);
        for (int i = 0; simulator.now().isBefore(end); i++) {
            Instant next = simulator.now().plus(steps.get(i % steps.size()));
            events.addAll(simulator.advanceTo(next.isAfter(end) ? end : next));
        }
        return events;
    }
}
