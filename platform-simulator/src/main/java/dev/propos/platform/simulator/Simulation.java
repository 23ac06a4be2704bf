package dev.propos.platform.simulator;

import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Event.BalanceAdjusted;
import dev.propos.engine.event.Event.PayoutRequested;
import dev.propos.engine.event.Event.PositionClosed;
import dev.propos.engine.event.Event.PositionOpened;
import dev.propos.engine.event.Side;
import dev.propos.platform.PlatformCommand.CreateAccount;
import dev.propos.platform.PlatformException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simulated platform's whole state and its step function: a market, accounts with their
 * traders, and an agenda of what happens when. {@link #advanceTo} runs everything due up to an
 * instant and returns the events produced, in time order; commands act at the current simulated
 * instant and their events come out with the next step. Never reads the wall clock; not
 * thread-safe (the platform's lock guards it).
 *
 * <p>Event ids come from the platform's own numbers: {@code sim-open-TICKET} and
 * {@code sim-close-TICKET} for a trader's deals, {@code sim-cmd-COMMAND-TICKET} and
 * {@code sim-cmd-COMMAND} for what a command did (so a restart can tell which commands acted),
 * {@code sim-quote-SYMBOL-EPOCHSECOND}, {@code sim-clock-EPOCHSECOND}, {@code sim-payout-ACCOUNT-EPOCHMILLI}
 * and the calendar's {@code sim-news-...}.
 */
final class Simulation {

    static final long FIRST_TICKET = 1_000_001;
    static final String COMMAND_EVENT = "sim-cmd-";
    /**
     * A funded trader asks for a payout this long after their first trade and after their last
     * payout (the demo firm's terms: under other terms some requests are refused as too early, as
     * they are in life), and tries again a day after a request that was not paid.
     */
    private static final Duration PAYOUT_TERMS = Duration.ofDays(4);
    private static final Duration PAYOUT_RETRY = Duration.ofDays(1);
    /** ... and only with at least this share of the starting balance in profit; they ask for all that is eligible. */
    private static final BigDecimal PAYOUT_PROFIT_SHARE = new BigDecimal("0.01");
    private static final BigDecimal MIN_LOTS = new BigDecimal("0.01");
    /** A trader's close that finds the market shut or the account disabled is tried again this much later. */
    private static final Duration CLOSE_RETRY = Duration.ofMinutes(15);

    private final SimulatorSettings settings;
    private final SimulatedTraders traders;
    private final NewsSchedule news;
    private final Market market;
    private final Valuation valuation;
    private final Agenda agenda = new Agenda();
    private final NavigableMap<String, SimulatedAccount> accounts = new TreeMap<>();
    private final Map<String, List<SimulatedAccount>> followersByLeader = new HashMap<>();
    private final Set<String> journaledNews = new HashSet<>();
    private final List<Event> out = new ArrayList<>();
    private Instant now;
    /** Every release timed at or before this has been published. */
    private Instant newsPublishedThrough;
    private long nextTicket = FIRST_TICKET;
    private boolean touched;

    Simulation(SimulatorSettings settings, SimulatedTraders traders) {
        this.settings = settings;
        this.traders = traders;
        this.news = new NewsSchedule(settings.seed());
        this.market = new Market(settings, news);
        this.valuation = new Valuation(market);
        this.now = settings.start().truncatedTo(ChronoUnit.MILLIS);
        this.newsPublishedThrough = now.minusMillis(1);
        scheduleTicks(true);
    }

    Instant now() {
        return now;
    }

    /** Runs everything due at or before {@code until} and returns the events produced since the last call. */
    List<Event> advanceTo(Instant until) {
        touched = true;
        Instant target = until.truncatedTo(ChronoUnit.MILLIS);
        Instant next;
        while ((next = agenda.nextTime()) != null && !next.isAfter(target)) {
            now = next;
            agenda.takeNext().run();
        }
        if (target.isAfter(now)) {
            now = target;
        }
        List<Event> batch = List.copyOf(out);
        out.clear();
        return batch;
    }

    // ---- the market's rhythm --------------------------------------------------------------------

    private void scheduleTicks(boolean includingNow) {
        long quoteSeconds = settings.quoteIntervalSeconds();
        long clockSeconds = settings.clockIntervalSeconds();
        scheduleQuotes(firstGridSecond(quoteSeconds, includingNow));
        scheduleClock(firstGridSecond(clockSeconds, includingNow));
    }

    private long firstGridSecond(long interval, boolean includingNow) {
        long second = Math.floorDiv(now.toEpochMilli(), 1000L);
        long grid = Math.floorDiv(second, interval) * interval;
        boolean onGrid = grid * 1000L == now.toEpochMilli();
        return onGrid && includingNow ? grid : grid + interval;
    }

    private void scheduleQuotes(long epochSecond) {
        agenda.at(Instant.ofEpochSecond(epochSecond), Agenda.Kind.QUOTES, () -> quoteTick(epochSecond));
    }

    private void scheduleClock(long epochSecond) {
        agenda.at(Instant.ofEpochSecond(epochSecond), Agenda.Kind.CLOCK, () -> clockTick(epochSecond));
    }

    private void quoteTick(long epochSecond) {
        for (Market.Quote quote : market.tick(epochSecond)) {
            String symbol = quote.symbol().name();
            out.add(new Event.Quote(quote.time(), "sim-quote-" + symbol + "-" + epochSecond, symbol, quote.bid(),
                    quote.ask()));
            fillStopsAndTargets(quote);
        }
        scheduleQuotes(epochSecond + settings.quoteIntervalSeconds());
    }

    private void clockTick(long epochSecond) {
        publishNews();
        out.add(new Event.Clock(now, "sim-clock-" + epochSecond));
        scheduleClock(epochSecond + settings.clockIntervalSeconds());
    }

    /** Publishes the calendar's releases up to the lead time ahead, each once. */
    private void publishNews() {
        Instant horizon = now.plus(Duration.ofHours(settings.newsLeadHours()));
        if (!horizon.isAfter(newsPublishedThrough)) {
            return;
        }
        for (NewsRelease release : news.between(newsPublishedThrough, horizon)) {
            if (!journaledNews.contains(release.id())) {
                out.add(release.toEvent(now));
            }
        }
        newsPublishedThrough = horizon;
    }

    /** Stop losses and take profits are orders on the platform's side: they fill even on a disabled account. */
    private void fillStopsAndTargets(Market.Quote quote) {
        for (SimulatedAccount account : accounts.values()) {
            for (SimulatedPosition position : List.copyOf(account.positions.values())) {
                if (position.symbol == quote.symbol() && position.levelReached(quote)) {
                    close(account, position, null, "sim-close-" + position.id);
                }
            }
        }
    }

    // ---- traders ----------------------------------------------------------------------------------

    void scheduleWake(SimulatedAccount account, Instant at) {
        long generation = ++account.wakeGeneration;
        Instant when = at.isAfter(now) ? at : now.plusSeconds(1);
        agenda.at(when, Agenda.Kind.TRADERS, () -> {
            if (account.wakeGeneration == generation) {
                wake(account);
            }
        });
    }

    private void wake(SimulatedAccount account) {
        if (!account.enabled) {
            return; // enabling the account schedules the next wake-up
        }
        askForPayoutIfDue(account);
        AccountDesk desk = new AccountDesk(this, account);
        TradingStrategy.of(account.behaviour).act(desk);
        if (!desk.wakeScheduled()) {
            scheduleWake(account, now.plus(Duration.ofHours(1)));
        }
    }

    /** A funded trader in profit asks for it now and then; PropOS decides whether it is due. */
    private void askForPayoutIfDue(SimulatedAccount account) {
        if (!account.funded || !account.flat() || account.firstOpenTime == null
                || now.isBefore(account.firstOpenTime.plus(PAYOUT_TERMS))
                || account.lastPayoutTime != null && now.isBefore(account.lastPayoutTime.plus(PAYOUT_TERMS))
                || account.lastPayoutRequestTime != null
                && now.isBefore(account.lastPayoutRequestTime.plus(PAYOUT_RETRY))) {
            return;
        }
        BigDecimal profit = account.balance.subtract(account.startingBalance);
        if (profit.compareTo(account.startingBalance.multiply(PAYOUT_PROFIT_SHARE)) < 0) {
            return;
        }
        account.lastPayoutRequestTime = now;
        out.add(new PayoutRequested(now, "sim-payout-" + account.id + "-" + now.toEpochMilli(), account.id, null));
    }

    /** Opens a position at the market for {@code account}; null when the platform refuses. */
    SimulatedPosition open(SimulatedAccount account, String symbolName, Side side, BigDecimal lots,
                           BigDecimal stopDistance, BigDecimal targetDistance, long holdSeconds, String mirrorOf) {
        if (!account.enabled || !market.tradable(symbolName, now) || lots.signum() <= 0) {
            return null;
        }
        Market.Quote quote = market.latest(symbolName);
        SimulatedSymbol symbol = quote.symbol();
        BigDecimal price = quote.entry(side);
        BigDecimal stopLoss = level(symbol, price, side, stopDistance, false);
        BigDecimal takeProfit = level(symbol, price, side, targetDistance, true);
        String ticket = String.valueOf(nextTicket++);
        BigDecimal commission = Valuation.commission(symbol, lots);
        if (commission != null) {
            account.balance = account.balance.add(commission);
        }
        SimulatedPosition position = new SimulatedPosition(ticket, symbol, side, lots, price, stopLoss, takeProfit,
                now, mirrorOf);
        account.positions.put(ticket, position);
        if (account.firstOpenTime == null) {
            account.firstOpenTime = now;
        }
        out.add(new PositionOpened(now, "sim-open-" + ticket, account.id, ticket, symbolName, side, lots, price,
                stopLoss, takeProfit, commission));
        if (holdSeconds > 0) {
            schedulePlannedClose(account, position, now.plusSeconds(holdSeconds));
        }
        mirrorOpen(account, position);
        return position;
    }

    /** The stop loss (or take profit) {@code distance} away from {@code price} on the losing (winning) side. */
    private static BigDecimal level(SimulatedSymbol symbol, BigDecimal price, Side side, BigDecimal distance,
                                    boolean target) {
        if (distance == null) {
            return null;
        }
        boolean above = (side == Side.BUY) == target;
        BigDecimal level = above ? price.add(distance) : price.subtract(distance);
        return level.max(symbol.price(1)).setScale(symbol.digits(), RoundingMode.HALF_UP);
    }

    private void schedulePlannedClose(SimulatedAccount account, SimulatedPosition position, Instant at) {
        agenda.at(at, Agenda.Kind.TRADERS, () -> {
            if (account.positions.get(position.id) != position) {
                return; // closed by its stop, its target or PropOS meanwhile
            }
            if (account.enabled && market.tradable(position.symbol.name(), now)) {
                close(account, position, null, "sim-close-" + position.id);
            } else {
                schedulePlannedClose(account, position, now.plus(CLOSE_RETRY));
            }
        });
    }

    /** Closes {@code lots} of a position (null: all) at the latest quote and reports it. */
    void close(SimulatedAccount account, SimulatedPosition position, BigDecimal lots, String eventId) {
        Market.Quote quote = market.latest(position.symbol.name());
        BigDecimal price = quote.exit(position.side);
        BigDecimal closing = lots == null || lots.compareTo(position.lots) >= 0 ? position.lots : lots;
        BigDecimal profit = valuation.profit(position.symbol, position.side, closing, position.openPrice, price,
                account.currency);
        BigDecimal commission = Valuation.commission(position.symbol, closing);
        if (profit != null) {
            account.balance = account.balance.add(profit);
        }
        if (commission != null) {
            account.balance = account.balance.add(commission);
        }
        position.lots = position.lots.subtract(closing);
        boolean whole = position.lots.signum() == 0;
        if (whole) {
            account.positions.remove(position.id);
        }
        out.add(new PositionClosed(now, eventId, account.id, position.id, price, closing, profit, commission, null));
        if (whole) {
            mirrorClose(account, position);
        }
    }

    // ---- copiers ----------------------------------------------------------------------------------

    private void mirrorOpen(SimulatedAccount leader, SimulatedPosition original) {
        for (SimulatedAccount follower : followersByLeader.getOrDefault(leader.traderId, List.of())) {
            if (follower == leader || !follower.enabled) {
                continue;
            }
            Instant at = now.plusMillis(1000 + follower.random.nextLong(3000));
            agenda.at(at, Agenda.Kind.TRADERS, () -> {
                BigDecimal lots = original.lots.multiply(follower.startingBalance)
                        .divide(leader.startingBalance, 2, RoundingMode.DOWN).max(MIN_LOTS);
                BigDecimal stop = original.stopLoss == null ? null : original.stopLoss.subtract(original.openPrice).abs();
                BigDecimal target = original.takeProfit == null ? null
                        : original.takeProfit.subtract(original.openPrice).abs();
                // Held until the leader closes; three days is the safety net should that close be missed.
                open(follower, original.symbol.name(), original.side, lots, stop, target,
                        Duration.ofDays(3).toSeconds(), mirrorKey(leader, original));
            });
        }
    }

    private void mirrorClose(SimulatedAccount leader, SimulatedPosition original) {
        String key = mirrorKey(leader, original);
        for (SimulatedAccount follower : followersByLeader.getOrDefault(leader.traderId, List.of())) {
            if (follower == leader) {
                continue;
            }
            Instant at = now.plusMillis(1000 + follower.random.nextLong(3000));
            agenda.at(at, Agenda.Kind.TRADERS, () -> {
                for (SimulatedPosition mirror : List.copyOf(follower.positions.values())) {
                    if (key.equals(mirror.mirrorOf) && follower.enabled
                            && market.tradable(mirror.symbol.name(), now)) {
                        close(follower, mirror, null, "sim-close-" + mirror.id);
                    }
                }
            });
        }
    }

    private static String mirrorKey(SimulatedAccount leader, SimulatedPosition position) {
        return leader.id + "/" + position.id;
    }

    // ---- commands -----------------------------------------------------------------------------------

    String createAccount(CreateAccount command) {
        SimulatedAccount existing = accounts.get(command.account());
        if (existing != null) {
            return "account " + command.account() + " already exists";
        }
        SimulatedAccount account = newAccount(command.account(), command.trader(), command.currency(),
                command.funded(), command.balance(), 0);
        scheduleWake(account, now.plusSeconds(Randomness.seconds(account.random, 1, 600)));
        return "created account " + account.id + " for trader " + account.traderId + " ("
                + describe(account.behaviour) + ")";
    }

    String enable(String accountId) throws PlatformException {
        SimulatedAccount account = require(accountId);
        if (account.enabled) {
            return "account " + accountId + " is already enabled";
        }
        account.enabled = true;
        scheduleWake(account, now.plusSeconds(Randomness.seconds(account.random, 1, 600)));
        return "enabled account " + accountId;
    }

    String disable(String accountId) throws PlatformException {
        SimulatedAccount account = require(accountId);
        if (!account.enabled) {
            return "account " + accountId + " is already disabled";
        }
        account.enabled = false;
        account.wakeGeneration++; // forgets the pending wake-up
        return "disabled account " + accountId;
    }

    String closePosition(String commandId, String accountId, String positionId, BigDecimal lots)
            throws PlatformException {
        SimulatedAccount account = require(accountId);
        SimulatedPosition position = account.positions.get(positionId);
        if (position == null) {
            return "position " + positionId + " of " + accountId + " is not open: nothing to close";
        }
        requireQuote(position);
        BigDecimal before = position.lots;
        close(account, position, lots, COMMAND_EVENT + commandId + "-" + positionId);
        return "closed " + before.subtract(position.lots).toPlainString() + " lots of position " + positionId;
    }

    String closeAll(String commandId, String accountId) throws PlatformException {
        SimulatedAccount account = require(accountId);
        List<SimulatedPosition> open = List.copyOf(account.positions.values());
        for (SimulatedPosition position : open) {
            requireQuote(position); // before closing any: the command acts whole or not at all
        }
        for (SimulatedPosition position : open) {
            close(account, position, null, COMMAND_EVENT + commandId + "-" + position.id);
        }
        return "closed " + open.size() + " positions of " + accountId;
    }

    String adjustBalance(String commandId, String accountId, BigDecimal amount, String reason, boolean payout)
            throws PlatformException {
        SimulatedAccount account = require(accountId);
        if (payout) {
            account.balance = account.balance.add(amount);
            if (amount.signum() < 0) {
                account.lastPayoutTime = now;
            }
            return "moved " + amount.toPlainString() + " (" + reason + ") on " + accountId + ", not reported";
        }
        AdjustmentReason adjustment = reasonOf(reason, amount);
        account.balance = account.balance.add(amount);
        out.add(new BalanceAdjusted(now, COMMAND_EVENT + commandId, accountId, amount, adjustment));
        return "moved " + amount.toPlainString() + " (" + reason + ") on " + accountId;
    }

    /** A position recovered from a journal without a quote of its symbol cannot close until one comes. */
    private void requireQuote(SimulatedPosition position) throws PlatformException {
        if (market.latest(position.symbol.name()) == null) {
            throw new PlatformException("no quote of " + position.symbol.name() + " yet to close position "
                    + position.id + " at", true);
        }
    }

    static AdjustmentReason reasonOf(String reason, BigDecimal amount) throws PlatformException {
        AdjustmentReason adjustment = switch (reason.toLowerCase(Locale.ROOT)) {
            case "deposit" -> AdjustmentReason.DEPOSIT;
            case "withdrawal" -> AdjustmentReason.WITHDRAWAL;
            case "correction" -> AdjustmentReason.CORRECTION;
            default -> throw new PlatformException("unknown balance adjustment reason " + reason
                    + ": expected payout, payout_reversal, deposit, withdrawal or correction", false);
        };
        if (adjustment == AdjustmentReason.DEPOSIT && amount.signum() < 0
                || adjustment == AdjustmentReason.WITHDRAWAL && amount.signum() > 0) {
            throw new PlatformException("a " + reason + " of " + amount.toPlainString() + " has the wrong sign", false);
        }
        return adjustment;
    }

    /** A trader's open at the market with no plan to close: what a test or a demo console does by hand. */
    SimulatedPosition openByHand(String accountId, String symbol, Side side, BigDecimal lots)
            throws PlatformException {
        return open(require(accountId), symbol, side, lots, null, null, 0, null);
    }

    private SimulatedAccount require(String accountId) throws PlatformException {
        SimulatedAccount account = accounts.get(accountId);
        if (account == null) {
            throw new PlatformException("no account " + accountId + " on the simulator", false);
        }
        return account;
    }

    SimulatedAccount newAccount(String id, String trader, String currency, boolean funded,
                                        BigDecimal balance, long salt) {
        String traderId = trader != null ? trader : id;
        Behaviour behaviour = traders.behaviourOf(traderId);
        SimulatedAccount account = new SimulatedAccount(id, traderId, behaviour, currency, funded,
                balance.setScale(2, RoundingMode.HALF_UP), Randomness.stream(settings.seed(), "account:" + id, salt));
        accounts.put(id, account);
        // Followers of this trader as a leader are found by trader id, so a leader's next phase is copied too.
        if (behaviour instanceof Behaviour.Copier copier) {
            followersByLeader.computeIfAbsent(copier.leaderTraderId(), k -> new ArrayList<>()).add(account);
        }
        return account;
    }

    private static String describe(Behaviour behaviour) {
        return switch (behaviour) {
            case Behaviour.Careful careful -> "careful";
            case Behaviour.Reckless reckless -> "reckless";
            case Behaviour.Copier copier -> "copies " + copier.leaderTraderId();
            case Behaviour.NewsTrader newsTrader -> "news trader";
            case Behaviour.Scalper scalper -> "scalper";
        };
    }

    // ---- recovery (JournalRecovery rebuilds the state through these) ------------------------------

    /** Whether the simulation has neither run nor taken a command: only then can it be recovered. */
    boolean untouched() {
        return !touched && accounts.isEmpty();
    }

    void rememberJournaledNews(String newsId) {
        journaledNews.add(newsId);
    }

    /** Sets the clock and the ticket counter where the journal ends. */
    void restoreClock(Instant at, long ticket) {
        now = at.truncatedTo(ChronoUnit.MILLIS);
        nextTicket = Math.max(FIRST_TICKET, ticket);
    }

    /** Adds an event to the next batch (a report sent again after a restart). */
    void emit(Event event) {
        out.add(event);
    }

    /** Starts the market, the clock and the traders again at {@link #now}. */
    void resume() {
        market.restart(now, market.latestQuotes());
        newsPublishedThrough = now;
        agenda.clear();
        scheduleTicks(false);
        for (SimulatedAccount account : accounts.values()) {
            account.random = Randomness.stream(settings.seed(), "account:" + account.id, now.toEpochMilli());
            TradingStrategy strategy = TradingStrategy.of(account.behaviour);
            for (SimulatedPosition position : account.positions.values()) {
                schedulePlannedClose(account, position,
                        now.plusSeconds(strategy.recoveredHoldSeconds(account.random)));
            }
            if (account.enabled) {
                scheduleWake(account, now.plusSeconds(Randomness.seconds(account.random, 1, 1800)));
            }
        }
    }

    // ---- views for the platform and tests ---------------------------------------------------------

    SimulatedAccount account(String id) {
        return accounts.get(id);
    }

    Market market() {
        return market;
    }

    Valuation valuation() {
        return valuation;
    }

    NewsSchedule news() {
        return news;
    }
}
