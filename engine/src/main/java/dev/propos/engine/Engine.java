package dev.propos.engine;

import dev.propos.engine.account.Account;
import dev.propos.engine.account.AccountServices;
import dev.propos.engine.account.Status;
import dev.propos.engine.calendar.NewsCalendar;
import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Event.AccountEvent;
import dev.propos.engine.event.Event.AccountStarted;
import dev.propos.engine.event.Event.BalanceAdjusted;
import dev.propos.engine.event.Event.Clock;
import dev.propos.engine.event.Event.EquityReported;
import dev.propos.engine.event.Event.News;
import dev.propos.engine.event.Event.PayoutCancelled;
import dev.propos.engine.event.Event.PayoutRequested;
import dev.propos.engine.event.Event.PositionClosed;
import dev.propos.engine.event.Event.PositionModified;
import dev.propos.engine.event.Event.PositionOpened;
import dev.propos.engine.event.Event.Quote;
import dev.propos.engine.market.Market;
import dev.propos.engine.market.QuoteRouter;
import dev.propos.engine.market.TriggerRouter;
import dev.propos.engine.money.Money;
import dev.propos.engine.risk.OpenedPosition;
import dev.propos.engine.risk.RiskWatch;
import dev.propos.engine.schedule.Agenda;
import dev.propos.engine.schedule.DayBoundaries;
import dev.propos.engine.schedule.DayRoster;
import dev.propos.engine.schedule.SeenIds;
import dev.propos.engine.status.RuleStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The rule engine: applies events in order and hands every decision to a sink, synchronously and
 * deterministically. It never reads the wall clock: time is the events' time. Not thread-safe:
 * one writer.
 *
 * <p>Its whole state can be written to a snapshot ({@link #writeSnapshot}) and read back into a new
 * engine ({@link #restore}) that goes on exactly as this one would. It is {@link Serializable} for
 * that only: a bare object stream of it is refused, since only the snapshot's frame checks what it
 * reads (docs/engine.md, "Snapshots").
 */
public final class Engine implements Serializable {

    private FirmConfig config;
    /** Not state: given to the constructor, or to {@link #restore}. */
    private transient Consumer<Decision> decisions;
    private final Market market;
    private final NewsCalendar calendar = new NewsCalendar();
    private final NavigableMap<String, Account> accounts = new TreeMap<>();
    private final Agenda agenda = new Agenda();
    private final DayBoundaries boundaries = new DayBoundaries();
    private final DayRoster roster = new DayRoster();
    private final SeenIds seenIds = new SeenIds();
    private final RiskWatch risk;
    private final QuoteRouter quoteRouter;
    private final AccountServices services;
    private Instant now;

    public Engine(FirmConfig config, Consumer<Decision> decisions) {
        this(config, decisions, null);
    }

    /** With a {@link QuoteRouter} of the caller's (the reference evaluator routes every quote to every account). */
    public Engine(FirmConfig config, Consumer<Decision> decisions, QuoteRouter quoteRouter) {
        this.config = config;
        this.decisions = decisions;
        this.market = new Market(config);
        this.risk = new RiskWatch(config.risk());
        this.quoteRouter = quoteRouter != null ? quoteRouter : new TriggerRouter(market);
        this.services = new Services(this);
    }

    // ---- snapshots ------------------------------------------------------------------------------

    /**
     * Writes the engine's whole state: accounts, schedules, calendar, market, quote index, seen ids,
     * risk memory and configuration (everything but the decision sink). {@link #restore} gives an
     * engine that decides exactly as this one from here on. Call it between events, from the one
     * thread that applies them; it changes nothing. The stream is flushed, not closed.
     *
     * @throws java.io.NotSerializableException when the engine has a {@link QuoteRouter} of the
     *         caller's that cannot be serialized
     */
    public void writeSnapshot(OutputStream out) throws IOException {
        EngineSnapshot.write(this, out);
    }

    /**
     * Reads an engine written by {@link #writeSnapshot}; its decisions go to {@code decisions}.
     * Reads the snapshot to its end, and no further.
     *
     * @throws SnapshotFormatException when the snapshot is not one this build can read: another
     *         format version or changed classes (an incompatible build), damaged or foreign content.
     *         The caller then replays its journal from the start instead.
     * @throws IOException when {@code in} fails
     */
    public static Engine restore(InputStream in, Consumer<Decision> decisions) throws IOException {
        Objects.requireNonNull(decisions, "decisions");
        Engine engine = EngineSnapshot.read(in);
        engine.decisions = decisions;
        return engine;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        EngineSnapshot.requireSnapshotStream(out);
        out.defaultWriteObject();
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        EngineSnapshot.requireSnapshotStream(in);
        in.defaultReadObject();
    }

    // ---- configuration --------------------------------------------------------------------------

    /**
     * Takes a newer firm configuration while running (a program version imported, a symbol
     * added). It may add programs, program versions and symbols. Everything already there must
     * stay as it is: a published program version is immutable (accounts keep the version they
     * started on), and a symbol keeps its contract. Risk settings may change; they apply from the
     * next open ({@link RiskWatch#reconfigure}). Time does not move; a journal records the update
     * at its place in the stream, so that a replay applies it at the same place.
     *
     * @throws EngineException when the newer configuration removes or changes a program version or
     *         a symbol, or holds a program version twice; the engine is then unchanged
     */
    public void updateConfig(FirmConfig newer) {
        ConfigChange.check(config, newer);
        market.reconfigure(newer);
        risk.reconfigure(newer.risk(), now);
        config = newer;
    }

    /**
     * Adds a calendar entry known ahead of the stream (applies from its {@code known_from}, or from
     * the start). {@code propos evaluate} calls this for every news line of its files before the
     * main pass, and then skips news lines in {@link #apply}.
     */
    public void addCalendarEntry(News news) {
        calendar.add(news);
    }

    /**
     * Applies one event: boundaries and scheduled checks due by its time, the event itself, then
     * the rules. A {@code news} event given here applies from where it stands in the stream.
     *
     * @throws EngineException when the event cannot be applied; the caller is expected to stop.
     */
    public void apply(Event event) {
        if (event instanceof News news) {
            calendar.add(knownFromHere(news));
            return;
        }
        if (event.id() != null && seenIds.isDuplicate(event.id(), now)) {
            return;
        }
        if (now != null && event.time().isBefore(now)) {
            throw new EngineException("time " + event.time() + " is before the previous event's time " + now);
        }
        runDue(event.time());
        now = event.time();
        if (event.id() != null) {
            seenIds.remember(event.id(), event.time());
        }
        switch (event) {
            case AccountStarted started -> start(started);
            case AccountEvent accountEvent -> applyToAccount(accountEvent);
            case Quote quote -> applyQuote(quote);
            case Clock clock -> {
            }
            case News news -> throw new IllegalStateException("handled above");
        }
    }

    /** The quote router (benchmarks read the trigger router's counts). */
    public QuoteRouter quoteRouter() {
        return quoteRouter;
    }

    /** One account's {@code account_status} now; null for an unknown account. */
    public Decision.AccountStatus status(String accountId) {
        Account account = accounts.get(accountId);
        return account == null ? null : account.status(true);
    }

    /** What the firm needs to know of an account to act on it; null for an unknown account. */
    public AccountInfo accountInfo(String accountId) {
        Account account = accounts.get(accountId);
        return account == null ? null
                : new AccountInfo(account.id(), account.trader(), account.program(), account.phase(), account.status());
    }

    /** An account's identity and standing: its trader, the program version and phase it runs, its status. */
    public record AccountInfo(String account, String trader, Program program, Phase phase, Status status) {
    }

    /**
     * Where each rule entry of an account's phase stands, in the phase's rule order: the engine's
     * own floors, marks, targets, counts and deadlines, with the equity at the latest quotes (see
     * {@link RuleStatus}). A finished account shows the state of the moment it failed or passed.
     * Read only: it changes no state (the quote router's and the cached equity included) and so no
     * later decision. O(rules + open positions). The time read at is the last event's: boundaries
     * and deadlines come due only with the events (or clock events) that reach them.
     *
     * @return null for an unknown account
     */
    public List<RuleStatus> ruleStatus(String accountId) {
        Account account = accounts.get(accountId);
        return account == null ? null : account.ruleStatus(now);
    }

    /** One {@code account_status} per account, sorted by account id. */
    public List<Decision.AccountStatus> statuses() {
        List<Decision.AccountStatus> statuses = new ArrayList<>(accounts.size());
        for (Account account : accounts.values()) {
            statuses.add(account.status(true));
        }
        return statuses;
    }

    private News knownFromHere(News news) {
        if (now == null || (news.knownFrom() != null && !news.knownFrom().isBefore(now))) {
            return news;
        }
        return new News(news.time(), news.id(), news.currencies(), news.symbols(), news.impact(), news.title(),
                news.endTime(), now);
    }

    // ---- time -----------------------------------------------------------------------------------

    /** Applies, in time order, every boundary and scheduled check due at or before {@code time}. */
    private void runDue(Instant time) {
        while (true) {
            Instant boundary = boundaries.first();
            Instant check = agenda.nextInstant();
            Instant moment = boundary == null ? check
                    : check == null || boundary.isBefore(check) ? boundary : check;
            if (moment == null || moment.isAfter(time)) {
                return;
            }
            if (moment.equals(boundary)) {
                boundaries.remove(boundary);
                startDay(boundary);
            }
            for (Agenda.Check due = agenda.pollAt(moment); due != null; due = agenda.pollAt(moment)) {
                Account account = due.account();
                if (!account.isFinished()) {
                    account.runScheduledCheck(moment, due.ruleIndex(), due.positionId());
                    afterChange(account);
                }
            }
        }
    }

    private void startDay(Instant boundary) {
        for (Account account : roster.dueAt(boundary)) {
            if (!account.isFinished() && account.nextBoundary().equals(boundary)) {
                account.startDay(boundary, boundaries.next(account.program().tradingDay(), boundary));
                afterChange(account);
            }
        }
    }

    // ---- events ---------------------------------------------------------------------------------

    private void start(AccountStarted event) {
        if (accounts.containsKey(event.account())) {
            throw new EngineException("account " + event.account() + " was already started");
        }
        Account previous = null;
        if (event.previousAccount() != null) {
            previous = accounts.get(event.previousAccount());
            if (previous == null) {
                throw new EngineException("unknown previous_account " + event.previousAccount());
            }
            if (previous.status() != Status.PASSED) {
                throw new EngineException("previous_account " + event.previousAccount() + " has not passed its phase"
                        + " (it is " + previous.status().wireName() + ")");
            }
        }
        String programId = event.program() != null ? event.program() : previous != null ? previous.program().id() : null;
        if (programId == null) {
            throw new EngineException("account_started needs a program (or a previous_account)");
        }
        Integer version = event.version();
        if (version == null && previous != null && previous.program().id().equals(programId)) {
            version = previous.program().version();
        }
        Program program = config.program(programId, version);
        if (program == null) {
            throw new EngineException("unknown program " + programId + (version == null ? "" : " version " + version));
        }
        Phase phase = resolvePhase(event, program, previous);
        long balance = event.balance() != null ? Money.toCents(event.balance()) : program.initialBalanceCents();
        String trader = event.trader() != null ? event.trader() : previous != null ? previous.trader() : null;
        long fee = event.fee() != null ? Money.toCents(event.fee()) : previous != null ? previous.feeCents() : 0;
        Instant firstBoundary = boundaries.next(program.tradingDay(), event.time());
        Account account = new Account(event.account(), program, phase, trader, fee, balance, event.time(),
                firstBoundary, services);
        accounts.put(account.id(), account);
        roster.add(account);
    }

    private static Phase resolvePhase(AccountStarted event, Program program, Account previous) {
        String phaseId = event.phase();
        if (phaseId == null && previous != null) {
            phaseId = previous.phase().next();
            if (phaseId == null) {
                throw new EngineException("previous_account " + previous.id() + " was in the last phase ("
                        + previous.phase().id() + "): there is no next phase");
            }
        }
        Phase phase = phaseId == null ? program.firstPhase() : program.phase(phaseId);
        if (phase == null) {
            throw new EngineException("program " + program.id() + " version " + program.version()
                    + " has no phase " + phaseId);
        }
        return phase;
    }

    private void applyToAccount(AccountEvent event) {
        Account account = accounts.get(event.account());
        if (account == null) {
            throw new EngineException("unknown account " + event.account());
        }
        if (account.isFinished()) {
            account.ignore();
            return;
        }
        switch (event) {
            case PositionOpened opened -> {
                account.open(opened);
                if (risk.isActive()) {
                    // The account's and the market's own strings, not the event's: risk may keep them long.
                    OpenedPosition position = new OpenedPosition(account.id(), account.trader(), opened.position(),
                            market.spec(opened.symbol()).name(), opened.side(), opened.time());
                    risk.onOpened(position, this::isPositionOpen).forEach(decisions);
                }
            }
            case PositionModified modified -> account.modify(modified);
            case PositionClosed closed -> account.close(closed);
            case BalanceAdjusted adjusted -> account.adjust(adjusted);
            case EquityReported reported -> account.reportEquity(reported);
            case PayoutRequested requested -> account.requestPayout(requested);
            case PayoutCancelled cancelled -> account.cancelPayout(cancelled.time());
            case AccountStarted started -> throw new IllegalStateException("handled by start");
        }
        afterChange(account);
    }

    private boolean isPositionOpen(String accountId, String positionId) {
        Account account = accounts.get(accountId);
        return account != null && account.isOpen(positionId);
    }

    private void applyQuote(Quote quote) {
        market.update(quote.symbol(), quote.bid(), quote.ask());
        for (Account account : quoteRouter.affectedBy(quote.symbol())) {
            if (!account.isFinished()) {
                account.revalue(quote.time());
            }
            afterChange(account);
        }
    }

    private void afterChange(Account account) {
        if (account.isFinished()) {
            quoteRouter.remove(account);
            roster.remove(account);
            risk.onAccountFinished(account.id(), now);
        } else {
            quoteRouter.update(account);
        }
    }

    /**
     * The engine's side of every account's services. Static, with the engine as an explicit
     * field, so that its serialized form does not rest on the compiler's name for an outer
     * instance.
     */
    private static final class Services implements AccountServices, Serializable {
        private final Engine engine;

        Services(Engine engine) {
            this.engine = engine;
        }

        @Override
        public Market market() {
            return engine.market;
        }

        @Override
        public NewsCalendar news() {
            return engine.calendar;
        }

        @Override
        public void emit(Decision decision) {
            engine.decisions.accept(decision);
        }

        @Override
        public void schedule(Instant at, Account account, int ruleIndex, long positionSeq, String positionId) {
            engine.agenda.add(new Agenda.Check(at, account, ruleIndex, positionSeq, positionId));
        }
    }
}
