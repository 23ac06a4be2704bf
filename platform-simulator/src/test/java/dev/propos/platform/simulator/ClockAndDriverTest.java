package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Scenarios.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propos.engine.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Wall time to simulated time, without sleeping: a wall clock the test moves by hand. */
class ClockAndDriverTest {

    /** A wall clock that only moves when told. */
    private static final class HandClock implements InstantSource {
        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Test
    void a_wall_minute_is_a_simulated_day_at_the_default_scale() {
        SimulatedClock clock = new SimulatedClock(SimulatorSettings.DAY_PER_MINUTE, Duration.ofHours(1));
        HandClock wall = new HandClock();
        Instant sim = clock.next(MONDAY, wall.instant());

        for (int i = 0; i < 600; i++) {
            wall.advance(Duration.ofMillis(100));
            sim = clock.next(sim, wall.instant());
        }

        assertThat(sim).isEqualTo(MONDAY.plus(Duration.ofDays(1)));
    }

    @Test
    void a_long_wall_pause_moves_simulated_time_by_the_maximum_step_only() {
        SimulatedClock clock = new SimulatedClock(1440, Duration.ofHours(1));
        HandClock wall = new HandClock();
        clock.next(MONDAY, wall.instant());

        wall.advance(Duration.ofSeconds(30)); // twelve simulated hours owed
        Instant sim = clock.next(MONDAY, wall.instant());

        assertThat(sim).isEqualTo(MONDAY.plus(Duration.ofHours(1)));
        assertThat(clock.next(sim, wall.instant())).isEqualTo(sim);
    }

    @Test
    void the_driver_publishes_each_step_and_offers_a_refused_batch_again() {
        HandClock wall = new HandClock();
        SimulatorSettings settings = SimulatorSettings.defaults(9, MONDAY);
        SimulatorPlatform platform = new SimulatorPlatform(settings.manualTime(), SimulatedTraders.demo(), wall);
        List<List<Event>> published = new ArrayList<>();
        AtomicInteger refusals = new AtomicInteger(1);
        SimulationDriver driver = new SimulationDriver(platform, batch -> {
            if (refusals.getAndDecrement() > 0) {
                throw new IllegalStateException("ingest is restarting");
            }
            published.add(batch);
        }, wall, settings);

        driver.step(); // the first reading only starts the clock: the instant at start is quoted
        assertThat(driver.lastFailure()).hasMessage("ingest is restarting");
        driver.step(); // the same batch again
        wall.advance(Duration.ofMillis(250));
        driver.step();

        assertThat(published).hasSize(2);
        assertThat(published.get(0)).filteredOn(e -> !(e instanceof Event.News)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.time()).isEqualTo(MONDAY));
        assertThat(published.get(1).getLast().time()).isEqualTo(MONDAY.plus(Duration.ofMinutes(6)));
        assertThat(platform.now()).isEqualTo(MONDAY.plus(Duration.ofMinutes(6)));
    }

    @Test
    void with_a_time_scale_the_clock_thread_delivers_until_closed() throws Exception {
        CountDownLatch delivered = new CountDownLatch(3);
        SimulatorPlatform platform = new SimulatorPlatform(SimulatorSettings.defaults(9, MONDAY).withTimeScale(86_400),
                SimulatedTraders.demo(), InstantSource.system());
        try (platform) {
            platform.start(batch -> delivered.countDown());

            assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> platform.publishUntil(MONDAY)).isInstanceOf(IllegalStateException.class);
        }
        // The executor has terminated; its thread may still be finishing its last instructions.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("propos-simulator")) {
                thread.join(5_000);
                assertThat(thread.isAlive()).isFalse();
            }
        }
    }
}
