package dev.propos.platform.simulator;

import dev.propos.engine.event.Event;
import dev.propos.engine.event.Event.AccountEvent;
import dev.propos.engine.event.Event.PositionClosed;
import dev.propos.engine.event.Event.PositionOpened;
import dev.propos.platform.PlatformCommand.CreateAccount;
import dev.propos.platform.PlatformException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** Simulators and event filters shared by the tests. */
final class Scenarios {

    /** A Monday morning before the London open, markets open since Sunday night. */
    static final Instant MONDAY = Instant.parse("2026-03-02T06:00:00Z");

    private Scenarios() {
    }

    static SimulatorSettings settings(long seed) {
        return SimulatorSettings.defaults(seed, MONDAY).manualTime();
    }

    static SimulatorPlatform simulator(long seed, List<SimulatedTrader> roster) {
        return simulator(settings(seed), roster);
    }

    static SimulatorPlatform simulator(SimulatorSettings settings, List<SimulatedTrader> roster) {
        return new SimulatorPlatform(settings.manualTime(), new SimulatedTraders(roster),
                InstantSource.fixed(settings.start()));
    }

    static CreateAccount create(String account, String trader, boolean funded) {
        return new CreateAccount("create-" + account, account, trader, "USD", new BigDecimal("100000"),
                DemoFirm.PROGRAM, funded ? DemoFirm.FUNDED : DemoFirm.CHALLENGE, funded);
    }

    static void execute(SimulatorPlatform simulator, CreateAccount... creates) {
        try {
            for (CreateAccount create : creates) {
                simulator.execute(create);
            }
        } catch (PlatformException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code simulator} for {@code duration} in steps of {@code step}; returns every event. */
    static List<Event> run(SimulatorPlatform simulator, Duration duration, Duration step) {
        List<Event> events = new ArrayList<>();
        Instant end = simulator.now().plus(duration);
        while (simulator.now().isBefore(end)) {
            Instant next = simulator.now().plus(step);
            events.addAll(simulator.advanceTo(next.isAfter(end) ? end : next));
        }
        return events;
    }

    static <E extends Event> List<E> ofType(List<Event> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<AccountEvent> ofAccount(List<Event> events, String account) {
        return events.stream()
                .filter(e -> e instanceof AccountEvent a && a.account().equals(account))
                .map(AccountEvent.class::cast)
                .toList();
    }

    static List<PositionOpened> opens(List<Event> events, String account) {
        return ofAccount(events, account).stream().filter(PositionOpened.class::isInstance)
                .map(PositionOpened.class::cast).toList();
    }

    static List<PositionClosed> closes(List<Event> events, String account) {
        return ofAccount(events, account).stream().filter(PositionClosed.class::isInstance)
                .map(PositionClosed.class::cast).toList();
    }

    /** How long each closed position of {@code account} was held, by position id. */
    static Duration held(List<Event> events, String account, PositionClosed close) {
        PositionOpened open = opens(events, account).stream()
                .filter(o -> o.position().equals(close.position())).findFirst().orElseThrow();
        return Duration.between(open.time(), close.time());
    }
}
