package dev.propos.engine.account;

import dev.propos.engine.EngineException;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event.BalanceAdjusted;
import dev.propos.engine.event.Event.EquityReported;
import dev.propos.engine.event.Event.PayoutRequested;
import dev.propos.engine.event.Event.PositionClosed;
import dev.propos.engine.event.Event.PositionModified;
import dev.propos.engine.event.Event.PositionOpened;
import dev.propos.engine.event.Side;
import dev.propos.engine.market.ExactPnl;
import dev.propos.engine.market.Market;
import dev.propos.engine.market.PriceKeys;
import dev.propos.engine.money.Money;
import dev.propos.engine.status.RuleStatus;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One account in one phase of a program: its money, positions, days and rule state. It applies
 * the account's events and evaluates the phase's rules after each of them, emitting decisions.
 */
public final class Account implements Serializable {

    private final String id;
    private final Program program;
    private final Phase phase;
    private final String trader;
    private final long feeCents;
    private final AccountServices services;
    private final Market market;
    private final RuleBook rules;

    private Status status = Status.ACTIVE;
    private final long initialCents;
    private final Instant startTime;
    long referenceCents;
    long balanceCents;
    long equityCents;
    /** The market version {@link #equityCents} was computed at (-1: since changed otherwise). */
    private long equityVersion = -1;
    private long positionsVersion;
    /** The platform's last equity figure, moved by capital since; null when quotes value the account. */
    private Long reportedEquityCents;

    long dayStartBalanceCents;
    long dayStartEquityCents;
    private Instant nextBoundary;
    DayLedger phaseDays;
    /** The day-profit thresholds of the phase's {@code min_trading_days} rules that count profitable days. */
    private final long[] profitThresholdsCents;
    DayLedger periodDays;

    /** Positions by id: the open ones, and those PropOS closed that still await settlement. */
    private final Map<String, Position> positions = new HashMap<>();
    /** Open positions in the order they were opened. */
    final List<Position> open = new ArrayList<>();
    private long nextSequence;

    long excludedCents;
    long payoutsTotalCents;
    Instant firstOpenTime;
    Instant lastPayoutTime;
    boolean feeRefunded;
    private PayoutReservation lastPayout;
    private long ignoredEvents;

    /** Everything an approved payout changed, so that {@code payout_cancelled} can restore it. */
    private record PayoutReservation(long amountCents, Instant previousPayoutTime, boolean previousFeeRefunded,
                                     DayLedger previousPeriod, MaxLossLimit.Snapshot[] maxLoss)
            implements Serializable {
    }

    public Account(String id, Program program, Phase phase, String trader, long feeCents, long balanceCents,
                   Instant startTime, Instant firstBoundary, AccountServices services) {
        this.id = id;
        this.program = program;
        this.phase = phase;
        this.trader = trader;
        this.feeCents = feeCents;
        this.services = services;
        this.market = services.market();
        this.initialCents = balanceCents;
        this.startTime = startTime;
        this.referenceCents = balanceCents;
        this.balanceCents = balanceCents;
        this.equityCents = balanceCents;
        this.dayStartBalanceCents = balanceCents;
        this.dayStartEquityCents = balanceCents;
        this.nextBoundary = firstBoundary;
        long dayStart = startTime.toEpochMilli();
        this.profitThresholdsCents = Objectives.profitThresholdsCents(phase, balanceCents);
        this.phaseDays = new DayLedger(dayStart, profitThresholdsCents);
        this.periodDays = new DayLedger(dayStart, profitThresholdsCents);
        this.rules = new RuleBook(this, phase.rules(), startTime);
    }

    // ---- identity and read-outs -----------------------------------------------------------------

    public String id() {
        return id;
    }

    public Program program() {
        return program;
    }

    public Phase phase() {
        return phase;
    }

    public String trader() {
        return trader;
    }

    public long feeCents() {
        return feeCents;
    }

    public Status status() {
        return status;
    }

    public boolean isFinished() {
        return status.isFinished();
    }

    public Instant nextBoundary() {
        return nextBoundary;
    }

    long initialCents() {
        return initialCents;
    }

    /** The instant of {@code account_started}. */
    public Instant startTime() {
        return startTime;
    }

    AccountServices services() {
        return services;
    }

    Market market() {
        return market;
    }

    /** Whether the position with this id is open now (hedging looks at earlier positions). */
    public boolean isOpen(String positionId) {
        Position position = positions.get(positionId);
        return position != null && position.isOpen();
    }

    /** The symbols whose quotes change this account's equity (positions and their conversions). */
    public Set<String> quoteDependencies() {
        if (!valuedByQuotes()) {
            return Set.of();
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (Position position : open) {
            symbols.add(position.symbol.name());
            for (String conversion : Market.conversionSymbols(position.symbol.profitCurrency(), program.currency())) {
                symbols.add(conversion);
            }
        }
        return symbols;
    }

    /**
     * The equity band inside which no quote can make a rule act: {@code [0]} the highest equity at
     * which a floor is reached, {@code [1]} the lowest at which a mark or target is; unbounded
     * sides are {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE}.
     */
    public long[] quietEquityBand() {
        return rules.quietEquityBand();
    }

    /** Whether quotes value this account now: it holds positions and has no platform equity report. */
    public boolean valuedByQuotes() {
        return reportedEquityCents == null && !open.isEmpty();
    }

    /** Visits the open positions in the order they were opened (for the quote router; no copies). */
    public void forEachOpenPosition(PositionVisitor visitor) {
        for (Position position : open) {
            visitor.visit(position.symbol, position.side, position.lots, position.openPrice);
        }
    }

    /** How many positions are open. */
    public int openPositionCount() {
        return open.size();
    }

    /** What the quote router sees of an open position. */
    @FunctionalInterface
    public interface PositionVisitor {
        void visit(SymbolSpec symbol, Side side, BigDecimal lots, BigDecimal openPrice);
    }

    /** Equity at the latest quotes: the figure of the last evaluation if no quote came since, else afresh. */
    public long equityAtLatestQuotes() {
        return equityVersion == market.version() ? equityCents : computeEquity();
    }

    private long computeEquity() {
        if (reportedEquityCents != null) {
            return reportedEquityCents;
        }
        long equity = balanceCents;
        for (Position position : open) {
            equity += floatingCents(position);
        }
        return equity;
    }

    public String currency() {
        return program.currency();
    }

    public long balanceCents() {
        return balanceCents;
    }

    public long equityCents() {
        return equityCents;
    }

    long sequenceOf(Position position) {
        return position.sequence;
    }

    void emit(Decision decision) {
        services.emit(decision);
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /** A finished account keeps the figures of the moment it finished. */
    void fail() {
        refreshEquity();
        status = Status.FAILED;
    }

    void pause() {
        status = Status.PAUSED;
    }

    void pass() {
        refreshEquity();
        status = Status.PASSED;
    }

    /** Counts an event that arrived after the account finished. */
    public void ignore() {
        ignoredEvents++;
    }

    // ---- money and equity -----------------------------------------------------------------------

    /**
     * Brings equity to the latest quotes: recomputed from the balance and every open position,
     * unless it was computed at this market version and nothing changed since (every change to the
     * balance, the positions or the equity report invalidates it).
     */
    void refreshEquity() {
        if (equityVersion != market.version()) {
            equityCents = computeEquity();
            equityVersion = market.version();
        }
    }

    /** Balance, positions or the equity report changed: the cached equity no longer holds. */
    private void invalidateEquity() {
        equityVersion = -1;
    }

    /** Counts changes to the open positions (opens, closes, partial closes). */
    public long positionsVersion() {
        return positionsVersion;
    }

    /**
     * A position's floating P&L in the account currency, rounded to cents; 0 without quote or
     * conversion. In long arithmetic when the profit currency is the account's and the figures
     * allow it ({@link ExactPnl}: the same cents), else in decimal.
     */
    long floatingCents(Position position) {
        Market.Quote quote = market.quote(position.symbol.name());
        if (quote == null) {
            return 0;
        }
        boolean buy = position.side == Side.BUY;
        long priceKey = buy ? quote.bidKey() : quote.askKey();
        if (position.pnlFactor != ExactPnl.UNKNOWN && priceKey != PriceKeys.NOT_EXACT
                && position.symbol.profitCurrency().equals(program.currency())) {
            long cents = ExactPnl.cents(position.pnlFactor, priceKey - position.openKey, position.pnlExponent);
            if (cents != ExactPnl.UNKNOWN) {
                return cents;
            }
        }
        BigDecimal price = buy ? quote.bid() : quote.ask();
        BigDecimal profit = Market.profit(position.symbol, position.side, position.lots, position.openPrice, price);
        Long cents = market.toAccountCents(profit, position.symbol.profitCurrency(), program.currency());
        return cents == null ? 0 : cents;
    }

    /** The realized result of closing {@code lots} of a position at {@code price}, rounded to cents. */
    long realizedCents(Position position, BigDecimal lots, BigDecimal price) {
        BigDecimal profit = Market.profit(position.symbol, position.side, lots, position.openPrice, price);
        return market.toAccountCentsRequired(profit, position.symbol.profitCurrency(), program.currency());
    }

    /** Realized profit or loss of the current day: a close, a settlement or a correction. */
    private void realize(long cents) {
        invalidateEquity();
        balanceCents += cents;
        phaseDays.addProfit(cents);
        periodDays.addProfit(cents);
        if (reportedEquityCents != null && open.isEmpty()) {
            reportedEquityCents = null;
        }
        rules.onRealized();
    }

    /** Capital moved in or out (deposit, withdrawal, payout, cancelled payout): the day's room stays. */
    private void moveCapital(long cents) {
        invalidateEquity();
        balanceCents += cents;
        dayStartBalanceCents += cents;
        dayStartEquityCents += cents;
        if (reportedEquityCents != null) {
            reportedEquityCents += cents;
        }
        rules.shiftDailyCapital(cents);
    }

    // ---- events ---------------------------------------------------------------------------------

    public void open(PositionOpened event) {
        if (positions.containsKey(event.position())) {
            throw new EngineException("position " + event.position() + " of account " + id + " is already open");
        }
        SymbolSpec symbol = market.spec(event.symbol());
        Position position = new Position(event.position(), nextSequence++, symbol, event.side(), event.lots(),
                event.price(), event.time(), event.sl(), event.tp(), balanceCents);
        invalidateEquity();
        positionsVersion++;
        positions.put(position.id, position);
        open.add(position);
        if (firstOpenTime == null) {
            firstOpenTime = event.time();
        }
        phaseDays.markOpened();
        periodDays.markOpened();
        if (event.commission() != null) {
            long commission = Money.toCents(event.commission());
            balanceCents += commission;
            phaseDays.addProfit(commission);
            periodDays.addProfit(commission);
        }
        boolean whilePaused = status == Status.PAUSED;
        rules.onOpened(position, event.time(), whilePaused);
    }

    public void modify(PositionModified event) {
        Position position = knownPosition(event.position());
        if (!position.isOpen()) {
            ignoredEvents++; // PropOS closed it: the trader's late change means nothing
            return;
        }
        position.sl = event.sl().applyTo(position.sl);
        position.tp = event.tp().applyTo(position.tp);
        position.noteStopLoss(position.sl);
        rules.onModified(position, event.time());
    }

    public void close(PositionClosed event) {
        Position position = knownPosition(event.position());
        long extrasCents = cents(event.commission()) + cents(event.swap());
        if (!position.isOpen()) {
            settle(position, event, extrasCents);
            return;
        }
        BigDecimal lots = event.lots() == null ? position.lots : event.lots();
        if (lots.compareTo(position.lots) > 0) {
            throw new EngineException("position " + position.id + " has " + position.lots.toPlainString()
                    + " lots open; cannot close " + lots.toPlainString());
        }
        long profit = event.profit() != null
                ? Money.toCents(event.profit())
                : realizedCents(position, lots, event.price());
        invalidateEquity();
        positionsVersion++;
        position.setLots(position.lots.subtract(lots));
        boolean full = !position.isOpen();
        if (full) {
            open.remove(position);
            positions.remove(position.id);
        }
        position.realizedCents += profit + extrasCents;
        realize(profit + extrasCents);
        if (full) {
            applyExclusion(position);
        }
        rules.onClosedByTrader(position, event.time(), full);
    }

    /** The platform's report of a close PropOS made: the difference to PropOS's own result is realized now. */
    private void settle(Position position, PositionClosed event, long extrasCents) {
        BigDecimal lots = event.lots() == null ? position.unsettledLots : event.lots();
        if (lots.compareTo(position.unsettledLots) > 0) {
            throw new EngineException("position " + position.id + " has " + position.unsettledLots.toPlainString()
                    + " lots closed by PropOS awaiting settlement; cannot settle " + lots.toPlainString());
        }
        long platformCents = (event.profit() != null
                ? Money.toCents(event.profit())
                : realizedCents(position, lots, event.price())) + extrasCents;
        // PropOS's result for these lots: its whole result for the position pro rata (not what is
        // left unsettled, which would carry earlier roundings along); the last settlement takes the rest.
        long proposCents = lots.compareTo(position.unsettledLots) == 0
                ? position.unsettledResultCents
                : Money.toCents(BigDecimal.valueOf(position.proposResultCents).multiply(lots)
                        .divide(position.proposLots, Money.DIVISION).movePointLeft(2));
        position.unsettledLots = position.unsettledLots.subtract(lots);
        position.unsettledResultCents -= proposCents;
        if (!position.awaitsSettlement()) {
            positions.remove(position.id);
        }
        long differenceCents = platformCents - proposCents;
        position.realizedCents += differenceCents;
        realize(differenceCents);
        applyExclusion(position);
        rules.afterChange(event.time());
    }

    /** Closes what is open of a position at the latest quote (at its open price without one). */
    void closeByPropos(Position position) {
        BigDecimal price = market.exitPrice(position.symbol.name(), position.side);
        if (price == null) {
            price = position.openPrice;
        }
        long result = realizedCents(position, position.lots, price);
        position.unsettledLots = position.unsettledLots.add(position.lots);
        position.unsettledResultCents += result;
        position.proposLots = position.proposLots.add(position.lots);
        position.proposResultCents += result;
        invalidateEquity();
        positionsVersion++;
        position.setLots(BigDecimal.ZERO);
        open.remove(position);
        position.realizedCents += result;
        realize(result);
        applyExclusion(position);
        rules.onClosedByPropos(position);
        refreshEquity();
    }

    public void adjust(BalanceAdjusted event) {
        long amount = Money.toCents(event.amount());
        switch (event.reason()) {
            case DEPOSIT, WITHDRAWAL -> {
                boolean deposit = event.reason() == AdjustmentReason.DEPOSIT;
                if (deposit ? amount <= 0 : amount >= 0) {
                    throw new EngineException("a " + (deposit ? "deposit" : "withdrawal") + " must be "
                            + (deposit ? "positive" : "negative") + ", got " + event.amount().toPlainString());
                }
                referenceCents += amount;
                moveCapital(amount);
                rules.shiftMaxLossCapital(amount);
            }
            case CORRECTION -> {
                // A reported equity is moved by every balance adjustment since the report, corrections included.
                if (reportedEquityCents != null) {
                    reportedEquityCents += amount;
                }
                realize(amount);
            }
        }
        rules.afterChange(event.time());
    }

    public void reportEquity(EquityReported event) {
        invalidateEquity();
        reportedEquityCents = Money.toCents(event.equity());
        rules.afterChange(event.time());
    }

    public void requestPayout(PayoutRequested event) {
        refreshEquity();
        PayoutCheck check = new PayoutCheck(this, rules);
        Decision.PayoutDecision decision = check.decide(event);
        emit(decision);
        if (decision.approved()) {
            approvePayout(decision);
        }
        rules.afterChange(event.time());
    }

    private void approvePayout(Decision.PayoutDecision decision) {
        long amount = decision.amountCents();
        lastPayout = new PayoutReservation(amount, lastPayoutTime, feeRefunded, periodDays,
                rules.maxLossSnapshots());
        moveCapital(-amount);
        rules.onPayout(amount);
        payoutsTotalCents += amount;
        lastPayoutTime = decision.time();
        feeRefunded |= decision.feeRefundCents() > 0;
        periodDays = new DayLedger(currentDayStartMillis(), profitThresholdsCents);
        refreshEquity();
    }

    /**
     * Restores the last approved payout. No decision answers it, but the rules are evaluated as after
     * any change, so that an equity-trailing mark follows the restored equity (docs/spec-notes.md).
     */
    public void cancelPayout(Instant time) {
        if (lastPayout == null) {
            throw new EngineException("account " + id + " has no approved payout to cancel");
        }
        PayoutReservation payout = lastPayout;
        lastPayout = null;
        moveCapital(payout.amountCents());
        payoutsTotalCents -= payout.amountCents();
        lastPayoutTime = payout.previousPayoutTime();
        feeRefunded = payout.previousFeeRefunded();
        periodDays = payout.previousPeriod().followedBy(periodDays);
        rules.onPayoutCancelled(payout.maxLoss());
        rules.afterChange(time);
    }

    /** A quote moved the account's equity: the loss rules and the pass check are evaluated. */
    public void revalue(Instant time) {
        rules.afterChange(time);
    }

    /** A trading-day boundary: a pause ends, the day's bases are recorded, the rules evaluated there. */
    public void startDay(Instant boundary, Instant followingBoundary) {
        refreshEquity();
        if (status == Status.PAUSED) {
            status = Status.ACTIVE;
            emit(new Decision.Resumed(boundary, id));
        }
        long dayStart = boundary.toEpochMilli();
        phaseDays.startDay(dayStart);
        periodDays.startDay(dayStart);
        dayStartBalanceCents = balanceCents;
        dayStartEquityCents = equityCents;
        nextBoundary = followingBoundary;
        rules.onDayStart(boundary);
    }

    public void runScheduledCheck(Instant at, int ruleIndex, String positionId) {
        rules.runScheduled(at, ruleIndex, positionId == null ? null : positions.get(positionId));
    }

    private long currentDayStartMillis() {
        return phaseDays.todayStartMillis();
    }

    private Position knownPosition(String positionId) {
        Position position = positions.get(positionId);
        if (position == null) {
            throw new EngineException("unknown position " + positionId + " of account " + id);
        }
        return position;
    }

    private static long cents(BigDecimal amount) {
        return amount == null ? 0 : Money.toCents(amount);
    }

    /** Takes the excluded part of a fully closed position's profit (again, when a settlement changed it). */
    void applyExclusion(Position position) {
        if (position.excludeKeepPercent == null || position.isOpen()) {
            return;
        }
        long excluded = Money.toCents(BigDecimal.valueOf(Math.max(0, position.realizedCents))
                .multiply(BigDecimal.valueOf(100).subtract(position.excludeKeepPercent))
                .movePointLeft(4));
        excludedCents += excluded - position.excludedCents;
        position.excludedCents = excluded;
    }

    Instant pausedUntil() {
        return nextBoundary;
    }

    // ---- read-outs ------------------------------------------------------------------------------

    long eligibleProfitCents() {
        return balanceCents - referenceCents - excludedCents;
    }

    /**
     * Where each rule entry of the phase stands, in the phase's order (see {@link RuleStatus}). Read
     * only: it changes nothing, not even the cached equity. A running account is read at the latest
     * quotes, as of {@code now} (the engine's time); a finished one as it was when it finished.
     */
    public List<RuleStatus> ruleStatus(Instant now) {
        return isFinished()
                ? RuleStatusReader.read(this, rules, rules.finishedAt(), equityCents, true)
                : RuleStatusReader.read(this, rules, now, equityAtLatestQuotes(), false);
    }

    public Decision.AccountStatus status(boolean refresh) {
        if (refresh && !isFinished()) {
            refreshEquity();
        }
        DailyLossLimit daily = rules.firstDailyLoss();
        MaxLossLimit maxLoss = rules.firstMaxLoss();
        return new Decision.AccountStatus(id, program.id(), phase.id(), status.wireName(), balanceCents,
                equityCents, dayStartBalanceCents, dayStartEquityCents,
                daily == null ? null : daily.floorCents(),
                maxLoss == null ? null : maxLoss.floorCents(),
                maxLoss == null ? null : maxLoss.highWaterCents(referenceCents),
                rules.objectives().tradingDays(phaseDays), phaseDays.bestDayCents(), phaseDays.netTotalCents(), excludedCents,
                open.size(), payoutsTotalCents, ignoredEvents);
    }

}
