package dev.propos.platform.simulator;

import dev.propos.engine.Engine;
import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Event.AccountStarted;
import dev.propos.formats.config.ConfigReader;
import dev.propos.formats.config.ConfigSource;
import dev.propos.platform.PlatformCommand;
import dev.propos.platform.PlatformCommand.AdjustBalance;
import dev.propos.platform.PlatformCommand.CloseAllPositions;
import dev.propos.platform.PlatformCommand.ClosePosition;
import dev.propos.platform.PlatformCommand.CreateAccount;
import dev.propos.platform.PlatformCommand.DisableAccount;
import dev.propos.platform.PlatformCommand.EnableAccount;
import dev.propos.platform.PlatformException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo firm with the server played by the test: the simulator's events go through the real
 * engine in order, and the engine's decisions come back as platform commands, as the server's
 * reactions would (close what PropOS closed, disable failed and passed accounts, open the next
 * phase's account, pay out approved payouts).
 */
final class FirmInTheLoop {

    static final FirmConfig DEMO_CONFIG =
            ConfigReader.merge(List.of(new ConfigSource("demo-firm.yaml", DemoFirm.configYaml())));

    SimulatorPlatform platform;
    final Engine engine;
    final List<Event> events = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    /** Every command executed successfully, in order: what a server records for recovery. */
    final List<PlatformCommand> executed = new ArrayList<>();
    private final Map<String, CreateAccount> accounts = new HashMap<>();
    private int reactions;
    private int nextAccount = 2001;

    FirmInTheLoop(SimulatorSettings settings) {
        this(new SimulatorPlatform(settings.manualTime(), SimulatedTraders.demo(), InstantSource.fixed(Instant.EPOCH)));
    }

    FirmInTheLoop(SimulatorPlatform platform) {
        this.platform = platform;
        this.engine = new Engine(DEMO_CONFIG, decisions::add);
    }

    /** Opens the demo firm's accounts, as a server does on its first start. */
    FirmInTheLoop openDemoAccounts() {
        for (DemoAccount demo : DemoFirm.openingAccounts()) {
            execute(demo.createAccount("open-" + demo.account()));
            engine.apply(demo.accountStarted(platform.now(), "started-" + demo.account()));
        }
        return this;
    }

    /** Opens one account for {@code trader} in {@code phase} of the demo program. */
    FirmInTheLoop openAccount(String account, String trader, String phase) {
        BigDecimal balance = new BigDecimal("100000.00");
        execute(new CreateAccount("open-" + account, account, trader, "USD", balance, DemoFirm.PROGRAM, phase,
                DemoFirm.FUNDED.equals(phase)));
        engine.apply(new AccountStarted(platform.now(), "started-" + account, account, null, DemoFirm.PROGRAM, null,
                phase, balance, trader, null));
        return this;
    }

    /** Goes on with another simulator (one recovered after a restart), keeping the engine and the records. */
    FirmInTheLoop continueWith(SimulatorPlatform recovered) {
        this.platform = recovered;
        return this;
    }

    /** Runs the firm for {@code duration} of simulated time in steps of {@code step}. */
    FirmInTheLoop run(Duration duration, Duration step) {
        Instant end = platform.now().plus(duration);
        while (platform.now().isBefore(end)) {
            Instant next = platform.now().plus(step);
            apply(platform.advanceTo(next.isAfter(end) ? end : next));
        }
        apply(platform.advanceTo(platform.now())); // the reports of the last reactions
        return this;
    }

    void apply(List<Event> batch) {
        int first = decisions.size();
        for (Event event : batch) {
            events.add(event);
            engine.apply(event);
        }
        for (Decision decision : List.copyOf(decisions.subList(first, decisions.size()))) {
            react(decision);
        }
    }

    private void react(Decision decision) {
        switch (decision) {
            case Decision.PhasePassed passed -> {
                execute(new DisableAccount(reactionId(), passed.account()));
                if (passed.nextPhase() != null) {
                    openNextPhase(passed);
                }
            }
            case Decision.Breach breach -> {
                execute(new CloseAllPositions(reactionId(), breach.account()));
                execute(new DisableAccount(reactionId(), breach.account()));
            }
            case Decision.Resumed resumed -> execute(new EnableAccount(reactionId(), resumed.account()));
            case Decision.Violation violation when "close_position".equals(violation.consequence()) ->
                    execute(new ClosePosition(reactionId(), violation.account(), violation.position(), null));
            case Decision.PayoutDecision payout when payout.approved() ->
                    execute(new AdjustBalance(reactionId(), payout.account(),
                            BigDecimal.valueOf(payout.amountCents(), 2).negate(), AdjustBalance.PAYOUT));
            default -> {
            }
        }
    }

    private void openNextPhase(Decision.PhasePassed passed) {
        CreateAccount previous = accounts.get(passed.account());
        String account = "SIM-" + nextAccount++;
        execute(new CreateAccount(reactionId(), account, previous.trader(), previous.currency(), previous.balance(),
                passed.program(), passed.nextPhase(), DemoFirm.FUNDED.equals(passed.nextPhase())));
        engine.apply(new AccountStarted(platform.now(), "started-" + account, account, passed.account(), null, null,
                null, null, null, null));
    }

    void execute(PlatformCommand command) {
        try {
            platform.execute(command);
            executed.add(command);
            if (command instanceof CreateAccount create) {
                accounts.put(create.account(), create);
            }
        } catch (PlatformException e) {
            throw new AssertionError("the simulator refused " + command, e);
        }
    }

    private String reactionId() {
        return "reaction-" + ++reactions;
    }

    <D extends Decision> List<D> decisionsOf(Class<D> type) {
        return decisions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
