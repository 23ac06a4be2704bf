package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Simulation.COMMAND_EVENT;

import dev.propos.engine.event.Event;
import dev.propos.engine.event.Event.AccountStarted;
import dev.propos.engine.event.Event.BalanceAdjusted;
import dev.propos.engine.event.Event.News;
import dev.propos.engine.event.Event.PayoutRequested;
import dev.propos.engine.event.Event.PositionClosed;
import dev.propos.engine.event.Event.PositionModified;
import dev.propos.engine.event.Event.PositionOpened;
import dev.propos.platform.PlatformCommand;
import dev.propos.platform.PlatformCommand.AdjustBalance;
import dev.propos.platform.PlatformCommand.CloseAllPositions;
import dev.propos.platform.PlatformCommand.ClosePosition;
import dev.propos.platform.PlatformCommand.CreateAccount;
import dev.propos.platform.PlatformCommand.DisableAccount;
import dev.propos.platform.PlatformCommand.EnableAccount;
import dev.propos.platform.PlatformException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a fresh simulation from what PropOS has on record, after the process that ran the
 * simulator died: the journaled events (in journal order) and the commands PropOS executed
 * successfully (in execution order).
 *
 * <ul>
 *   <li>Accounts come from the {@code CreateAccount} commands (an account known only from an
 *       {@code account_started} is rebuilt from it: USD, not funded); enabled or not from the last
 *       enable or disable.</li>
 *   <li>Open positions, balances and the last quotes come from the events; payouts, which no
 *       event reports, from the {@code AdjustBalance} commands.</li>
 *   <li>A command's report that never reached the journal (a deposit, a {@code ClosePosition}'s
 *       close) is sent again with its id; the ids of command reports found in the journal count
 *       as executed commands too.</li>
 *   <li>Time resumes at the last journaled instant (calendar entries aside); random streams are
 *       seeded from it, so the run goes on deterministically; positions open at the restart are
 *       closed by their traders after a while, as the plan for them is lost.</li>
 * </ul>
 */
final class JournalRecovery {

    private static final String EXECUTED = "executed before the restart";
    /** Balance of an account known only from an {@code account_started} without a balance. */
    private static final BigDecimal DEFAULT_BALANCE = new BigDecimal("100000.00");

    private final Simulation simulation;
    /** Command ids known to have acted, with a detail: the platform's idempotency memory after the restart. */
    private final Map<String, String> executed = new LinkedHashMap<>();
    private final List<AdjustBalance> adjustments = new ArrayList<>();
    private final List<ClosePosition> closes = new ArrayList<>();
    private final Map<String, CreateAccount> creations = new LinkedHashMap<>();
    private final Map<String, Boolean> enabled = new HashMap<>();
    /** Ids of command reports ({@code sim-cmd-...}) found in the journal. */
    private final Set<String> reported = new HashSet<>();
    private Instant last;
    private long lastTicket = Simulation.FIRST_TICKET - 1;

    JournalRecovery(Simulation simulation) {
        this.simulation = simulation;
    }

    /** Recovers {@code simulation}; returns the ids of the commands that acted, with a detail. */
    Map<String, String> recover(Iterable<? extends Event> journal, Iterable<? extends PlatformCommand> commands) {
        if (!simulation.untouched()) {
            throw new IllegalStateException("recover a simulator before it runs or takes commands");
        }
        commands.forEach(this::readCommand);
        for (CreateAccount create : creations.values()) {
            simulation.newAccount(create.account(), create.trader(), create.currency(), create.funded(),
                    create.balance(), 0);
        }
        journal.forEach(this::readEvent);
        enabled.forEach((id, on) -> {
            SimulatedAccount account = simulation.account(id);
            if (account != null) {
                account.enabled = on;
            }
        });
        simulation.restoreClock(last != null ? last : simulation.now(), lastTicket + 1);
        resendLostReports();
        simulation.resume();
        return executed;
    }

    private void readCommand(PlatformCommand command) {
        executed.put(command.commandId(), EXECUTED);
        switch (command) {
            case CreateAccount create -> creations.putIfAbsent(create.account(), create);
            case EnableAccount enable -> enabled.put(enable.account(), true);
            case DisableAccount disable -> enabled.put(disable.account(), false);
            case AdjustBalance adjust -> adjustments.add(adjust);
            case ClosePosition close -> closes.add(close);
            case CloseAllPositions closeAll -> {
                // its closes are in the journal; one whose report was lost is closed later by its trader
            }
        }
    }

    private void readEvent(Event event) {
        if (!(event instanceof News)) {
            last = last == null || event.time().isAfter(last) ? event.time() : last;
        }
        switch (event) {
            case AccountStarted started -> {
                if (simulation.account(started.account()) == null) {
                    // A next phase's account inherits its trader from the previous one, as in the engine.
                    SimulatedAccount previous = started.previousAccount() == null ? null
                            : simulation.account(started.previousAccount());
                    String trader = started.trader() != null ? started.trader()
                            : previous != null ? previous.traderId : null;
                    simulation.newAccount(started.account(), trader, "USD", false,
                            started.balance() != null ? started.balance() : DEFAULT_BALANCE, 0);
                }
            }
            case Event.Quote quote -> {
                SimulatedSymbol symbol = simulation.market().symbol(quote.symbol());
                if (symbol != null) {
                    simulation.market().record(new Market.Quote(symbol, quote.time(), symbol.points(quote.bid()),
                            symbol.points(quote.ask())));
                }
            }
            case PositionOpened opened -> open(opened);
            case PositionModified modified -> {
                SimulatedPosition position = positionOf(modified.account(), modified.position());
                if (position != null) {
                    position.stopLoss = modified.sl().applyTo(position.stopLoss);
                    position.takeProfit = modified.tp().applyTo(position.takeProfit);
                }
            }
            case PositionClosed closed -> {
                close(closed);
                noteCommandReport(closed.id(), "-" + closed.position());
            }
            case BalanceAdjusted adjusted -> {
                SimulatedAccount account = simulation.account(adjusted.account());
                if (account != null) {
                    account.balance = account.balance.add(adjusted.amount());
                }
                noteCommandReport(adjusted.id(), "");
            }
            case PayoutRequested requested -> {
                SimulatedAccount account = simulation.account(requested.account());
                if (account != null) {
                    account.lastPayoutRequestTime = requested.time();
                }
            }
            case News release -> simulation.rememberJournaledNews(release.id());
            default -> {
            }
        }
    }

    private void open(PositionOpened opened) {
        SimulatedAccount account = simulation.account(opened.account());
        SimulatedSymbol symbol = simulation.market().symbol(opened.symbol());
        if (account == null || symbol == null) {
            return; // not this platform's
        }
        account.positions.put(opened.position(), new SimulatedPosition(opened.position(), symbol, opened.side(),
                opened.lots(), opened.price(), opened.sl(), opened.tp(), opened.time(), null));
        if (opened.commission() != null) {
            account.balance = account.balance.add(opened.commission());
        }
        if (account.firstOpenTime == null) {
            account.firstOpenTime = opened.time();
        }
        try {
            lastTicket = Math.max(lastTicket, Long.parseLong(opened.position()));
        } catch (NumberFormatException notATicket) {
            // a position id this simulator did not number
        }
    }

    private void close(PositionClosed closed) {
        SimulatedAccount account = simulation.account(closed.account());
        SimulatedPosition position = positionOf(closed.account(), closed.position());
        if (account == null || position == null) {
            return;
        }
        BigDecimal lots = closed.lots() != null ? closed.lots().min(position.lots) : position.lots;
        BigDecimal profit = closed.profit() != null ? closed.profit()
                : simulation.valuation().profit(position.symbol, position.side, lots, position.openPrice,
                closed.price(), account.currency);
        for (BigDecimal amount : new BigDecimal[] {profit, closed.commission(), closed.swap()}) {
            if (amount != null) {
                account.balance = account.balance.add(amount);
            }
        }
        position.lots = position.lots.subtract(lots);
        if (position.lots.signum() == 0) {
            account.positions.remove(position.id);
        }
    }

    /** An event a command produced ({@code sim-cmd-COMMAND} + suffix) proves that the command acted. */
    private void noteCommandReport(String eventId, String suffix) {
        commandOf(eventId, suffix).ifPresent(commandId -> {
            reported.add(eventId);
            executed.putIfAbsent(commandId, EXECUTED);
        });
    }

    /** Sends again what a command did but the journal never got; payouts move the balance silently. */
    private void resendLostReports() {
        Instant now = simulation.now();
        for (AdjustBalance adjust : adjustments) {
            SimulatedAccount account = simulation.account(adjust.account());
            if (account == null || reported.contains(COMMAND_EVENT + adjust.commandId())) {
                continue;
            }
            account.balance = account.balance.add(adjust.amount());
            if (adjust.isPayout()) {
                if (adjust.amount().signum() < 0) {
                    account.lastPayoutTime = now; // when exactly is not on record: the restart is the safe side
                }
                continue;
            }
            try {
                simulation.emit(new BalanceAdjusted(now, COMMAND_EVENT + adjust.commandId(), adjust.account(),
                        adjust.amount(), Simulation.reasonOf(adjust.reason(), adjust.amount())));
            } catch (PlatformException never) {
                throw new IllegalStateException("an executed adjustment has an invalid reason", never);
            }
        }
        for (ClosePosition close : closes) {
            SimulatedAccount account = simulation.account(close.account());
            SimulatedPosition position = positionOf(close.account(), close.position());
            String id = COMMAND_EVENT + close.commandId() + "-" + close.position();
            if (position != null && !reported.contains(id)
                    && simulation.market().latest(position.symbol.name()) != null) {
                simulation.close(account, position, close.lots(), id);
            }
        }
    }

    private SimulatedPosition positionOf(String accountId, String positionId) {
        SimulatedAccount account = simulation.account(accountId);
        return account == null ? null : account.positions.get(positionId);
    }

    /** The command id inside an event id {@code sim-cmd-COMMAND} + {@code suffix}, if it is one. */
    private static Optional<String> commandOf(String eventId, String suffix) {
        if (eventId == null || !eventId.startsWith(COMMAND_EVENT) || !eventId.endsWith(suffix)
                || eventId.length() <= COMMAND_EVENT.length() + suffix.length()) {
            return Optional.empty();
        }
        return Optional.of(eventId.substring(COMMAND_EVENT.length(), eventId.length() - suffix.length()));
    }
}
