package dev.propos.platform.simulator;

import dev.propos.engine.event.Event;
import dev.propos.engine.event.Side;
import dev.propos.platform.CommandOutcome;
import dev.propos.platform.EventSink;
import dev.propos.platform.ExecutedCommands;
import dev.propos.platform.PlatformCommand;
import dev.propos.platform.PlatformCommand.AdjustBalance;
import dev.propos.platform.PlatformCommand.CloseAllPositions;
import dev.propos.platform.PlatformCommand.ClosePosition;
import dev.propos.platform.PlatformCommand.CreateAccount;
import dev.propos.platform.PlatformCommand.DisableAccount;
import dev.propos.platform.PlatformCommand.EnableAccount;
import dev.propos.platform.PlatformException;
import dev.propos.platform.TradingPlatform;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The built-in simulated trading platform: a market of a few symbols, a calendar, and traders with
 * distinct behaviours on the accounts PropOS creates, all on a simulated clock (by default a
 * trading day per wall minute).
 *
 * <h2>Time</h2>
 * The simulation itself is a step function, {@link #advanceTo(Instant)}: it runs everything due up
 * to a simulated instant and returns the events, deterministically for a given seed and sequence
 * of steps and commands. In production {@link #start(EventSink)} runs one daemon thread,
 * {@code propos-simulator}, that every {@code stepMillis} maps elapsed wall time to simulated time
 * and publishes the batch. With {@link SimulatorSettings#manualTime()} no thread runs and the caller
 * moves time with {@link #publishUntil(Instant)} (or takes the events from {@code advanceTo}).
 *
 * <h2>Commands</h2>
 * Commands act at the current simulated instant ({@link #now()}) and their events ({@code position_closed}
 * for closes, {@code balance_adjusted} for deposits, withdrawals and corrections) come out with the
 * next step, before anything later. Payouts move the balance silently. Every command is idempotent
 * by id. {@link #failNextCommands(int)} makes the next commands fail, retryably, for tests of retries.
 *
 * <h2>Restarts</h2>
 * The simulator's state lives in memory only. After a restart, call {@link #recover} with the
 * journal and the executed commands before {@code start}: it continues where PropOS's record ends.
 *
 * <p>Thread-safe: one lock guards the simulation; the sink is called outside it.
 */
public final class SimulatorPlatform implements TradingPlatform {

    public static final String NAME = "simulator";

    private final Object lock = new Object();
    private final SimulatorSettings settings;
    private final InstantSource wallClock;
    private final Simulation simulation;
    private final ExecutedCommands executed = new ExecutedCommands();
    private int failuresToInject;
    private EventSink sink;
    private SimulationDriver driver;
    private boolean closed;

    /** The demo traders on the wall clock of the system. */
    public SimulatorPlatform(SimulatorSettings settings) {
        this(settings, SimulatedTraders.demo(), InstantSource.system());
    }

    public SimulatorPlatform(SimulatorSettings settings, SimulatedTraders traders, InstantSource wallClock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.simulation = new Simulation(settings, Objects.requireNonNull(traders, "traders"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Delivers events to {@code sink} from now on: with a time scale, from the clock thread; with
     * manual time, at each {@link #publishUntil}.
     */
    @Override
    public void start(EventSink sink) {
        synchronized (lock) {
            if (this.sink != null) {
                throw new IllegalStateException("the simulator is already started");
            }
            if (closed) {
                throw new IllegalStateException("the simulator is closed");
            }
            this.sink = Objects.requireNonNull(sink, "sink");
            if (settings.timeScale() > 0) {
                driver = new SimulationDriver(this, sink, wallClock, settings);
                driver.start();
            }
        }
    }

    @Override
    public CommandOutcome execute(PlatformCommand command) throws PlatformException {
        synchronized (lock) {
            CommandOutcome first = executed.outcomeOf(command.commandId());
            if (first != null) {
                return first;
            }
            if (closed) {
                throw new PlatformException("the simulator is closed", true);
            }
            if (failuresToInject > 0) {
                failuresToInject--;
                throw new PlatformException("injected failure of " + command.commandId(), true);
            }
            String detail = switch (command) {
                case CreateAccount create -> simulation.createAccount(create);
                case EnableAccount enable -> simulation.enable(enable.account());
                case DisableAccount disable -> simulation.disable(disable.account());
                case ClosePosition close -> simulation.closePosition(close.commandId(), close.account(),
                        close.position(), close.lots());
                case CloseAllPositions closeAll -> simulation.closeAll(closeAll.commandId(), closeAll.account());
                case AdjustBalance adjust -> simulation.adjustBalance(adjust.commandId(), adjust.account(),
                        adjust.amount(), adjust.reason(), adjust.isPayout());
            };
            return executed.remember(new CommandOutcome(command.commandId(), detail));
        }
    }

    /**
     * The step function: runs the simulation up to {@code simTime} and returns its events in time
     * order (those of commands executed since the last step first). Does not publish. An instant
     * at or before {@link #now()} only returns the pending events of commands.
     */
    public List<Event> advanceTo(Instant simTime) {
        synchronized (lock) {
            return simulation.advanceTo(simTime);
        }
    }

    /** Advances to {@code simTime} and publishes the batch to the started sink, on the caller's thread (manual time). */
    public void publishUntil(Instant simTime) {
        EventSink target;
        List<Event> batch;
        synchronized (lock) {
            if (sink == null || driver != null) {
                throw new IllegalStateException(sink == null ? "start the simulator first"
                        : "the clock thread moves time: publishUntil is for manual time");
            }
            target = sink;
            batch = simulation.advanceTo(simTime);
        }
        if (!batch.isEmpty()) {
            target.publish(batch);
        }
    }

    /** Advances to the instant {@code target} computes from the simulated now, atomically (the clock thread's step). */
    List<Event> advance(UnaryOperator<Instant> target) {
        synchronized (lock) {
            return simulation.advanceTo(target.apply(simulation.now()));
        }
    }

    /** The current simulated instant: the last step's, at which commands act. */
    public Instant now() {
        synchronized (lock) {
            return simulation.now();
        }
    }

    /**
     * Rebuilds the simulator after a restart from what PropOS has on record, before {@link #start}
     * and before any command: {@code journalEvents} are the journaled events of this platform's
     * accounts and the market events (quotes, news, clock), in journal order; {@code executedCommands}
     * are the commands this platform executed successfully, in execution order. Accounts, enabled
     * state, open positions, balances (payouts included), the last quotes and the simulated time are
     * restored; those commands count as executed (a retry does not act again); a deposit or close
     * whose report never reached the journal is reported again with its id.
     */
    public void recover(Iterable<? extends Event> journalEvents, Iterable<? extends PlatformCommand> executedCommands) {
        synchronized (lock) {
            new JournalRecovery(simulation).recover(journalEvents, executedCommands)
                    .forEach((id, detail) -> executed.remember(new CommandOutcome(id, detail)));
        }
    }

    /** Makes the next {@code count} commands not executed before fail with a retryable exception, without acting. */
    public void failNextCommands(int count) {
        synchronized (lock) {
            failuresToInject = count;
        }
    }

    /**
     * Opens a position by hand for the trader of {@code account} at the current quote, with no
     * stop, target or plan to close it (a demo console's "buy" button; tests). Returns the position
     * id, or null when the platform refuses (account disabled, market closed or not quoted yet).
     */
    public String openByHand(String account, String symbol, Side side, BigDecimal lots) throws PlatformException {
        synchronized (lock) {
            SimulatedPosition position = simulation.openByHand(account, symbol, side, lots);
            return position == null ? null : position.id;
        }
    }

    /** The last exception the clock thread caught (the sink threw), or null. */
    public RuntimeException lastDeliveryFailure() {
        SimulationDriver current;
        synchronized (lock) {
            current = driver;
        }
        return current == null ? null : current.lastFailure();
    }

    /** Stops the clock thread; further commands fail (retryably: a new simulator, recovered, takes them). */
    @Override
    public void close() {
        SimulationDriver stopping;
        synchronized (lock) {
            closed = true;
            stopping = driver;
            driver = null;
        }
        if (stopping != null) {
            stopping.close();
        }
    }

    /** The simulation, for tests of this package. */
    Simulation simulation() {
        return simulation;
    }
}
