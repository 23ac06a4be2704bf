package dev.propos.engine.account;

import dev.propos.engine.calendar.LocalSchedule;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.decision.Measure;
import dev.propos.engine.money.Money;
import dev.propos.engine.rule.Consequence;
import dev.propos.engine.rule.Enforcement;
import dev.propos.engine.rule.Rule;
import dev.propos.engine.rule.Rule.AppliesTo;
import dev.propos.engine.rule.Rule.DailyLoss;
import dev.propos.engine.rule.Rule.Inactivity;
import dev.propos.engine.rule.Rule.LotsPer;
import dev.propos.engine.rule.Rule.MaxLoss;
import dev.propos.engine.rule.Rule.MaxLots;
import dev.propos.engine.rule.Rule.MaxOpenPositions;
import dev.propos.engine.rule.Rule.MinTradeDuration;
import dev.propos.engine.rule.Rule.NewsRestriction;
import dev.propos.engine.rule.Rule.NewsScope;
import dev.propos.engine.rule.Rule.ProfitMeasure;
import dev.propos.engine.rule.Rule.ProfitTarget;
import dev.propos.engine.rule.Rule.StopLossRequired;
import dev.propos.engine.rule.Rule.TimeLimit;
import dev.propos.engine.rule.Rule.WeekendHolding;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules of an account's phase and their running state: evaluates them, in the phase's order,
 * after every change, and at the scheduled instants they ask for.
 */
final class RuleBook implements Serializable {

    private static final String TRADING_WHILE_PAUSED = "trading_while_paused";

    /** What the event being evaluated did, for the rules that judge only certain acts. */
    private enum Occasion { OPENED, MODIFIED, CLOSED, CLOSED_FULLY, OTHER }

    private final Account account;
    private final List<Rule> rules;
    private final DailyLossLimit[] daily;
    private final MaxLossLimit[] maxLoss;
    private final Objectives objectives;
    private final int[] strikes;
    private final boolean[] inactivityCheckPending;
    private int pausedTradeStrikes;
    /** The daily-loss entry whose pause is in force (it is not evaluated again that day), or -1. */
    private int pausedBy = -1;
    /** The last open or close while flat, from which inactivity counts; null while a position is open. */
    private Instant idleSince;
    /** The instant the rules are being evaluated at (PropOS's own closes happen then). */
    private Instant evaluationTime;
    /** Closes PropOS has ordered so far: an evaluation that made one runs the loss rules again. */
    private long proposCloses;
    /** The rule entry that failed the account, or -1 (active, paused, passed). */
    private int failedBy = -1;
    /** The instant the account failed or passed; null while it runs. */
    private Instant finishedAt;

    RuleBook(Account account, List<Rule> rules, Instant startTime) {
        this.account = account;
        this.rules = rules;
        this.daily = new DailyLossLimit[rules.size()];
        this.maxLoss = new MaxLossLimit[rules.size()];
        this.strikes = new int[rules.size()];
        this.inactivityCheckPending = new boolean[rules.size()];
        this.objectives = new Objectives(account.phase(), account.initialCents());
        long initial = account.initialCents();
        for (int i = 0; i < rules.size(); i++) {
            switch (rules.get(i)) {
                case DailyLoss rule -> {
                    daily[i] = new DailyLossLimit(rule, initial);
                    daily[i].startDay(initial, initial);
                }
                case MaxLoss rule -> maxLoss[i] = new MaxLossLimit(rule, initial);
                case TimeLimit rule -> schedule(startTime.plus(Duration.ofDays(rule.days())), i, null);
                case WeekendHolding rule -> scheduleCutoff(rule, i, startTime);
                default -> {
                }
            }
        }
        becomeIdle(startTime);
    }

    // ---- hooks from the account -----------------------------------------------------------------

    void onOpened(Position position, Instant time, boolean whilePaused) {
        idleSince = null;
        if (whilePaused) {
            pausedTradeStrikes++;
            account.emit(new Decision.Violation(time, account.id(), account.program().id(), account.phase().id(),
                    TRADING_WHILE_PAUSED, Consequence.FLAG.wireName(), position.id, pausedTradeStrikes, null, null));
        }
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) instanceof StopLossRequired rule && rule.withinSeconds() > 0) {
                schedule(position.openTime.plusSeconds(rule.withinSeconds()), i, position);
            }
        }
        evaluate(time, Occasion.OPENED, position);
    }

    void onModified(Position position, Instant time) {
        evaluate(time, Occasion.MODIFIED, position);
    }

    void onClosedByTrader(Position position, Instant time, boolean full) {
        noteClose(time);
        evaluate(time, full ? Occasion.CLOSED_FULLY : Occasion.CLOSED, position);
    }

    /** PropOS's own closes count as closes for inactivity (and, through the balance, the marks). */
    void onClosedByPropos(Position position) {
        proposCloses++;
        noteClose(evaluationTime);
    }

    private void noteClose(Instant time) {
        if (account.open.isEmpty()) {
            becomeIdle(time);
        }
    }

    /**
     * Inactivity starts counting. Each inactivity entry keeps at most one check waiting: a check
     * that finds the period restarted since asks again for the new deadline, so the agenda does
     * not grow with every close.
     */
    private void becomeIdle(Instant since) {
        idleSince = since;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) instanceof Inactivity rule && !inactivityCheckPending[i]) {
                inactivityCheckPending[i] = true;
                schedule(since.plus(Duration.ofDays(rule.days())), i, null);
            }
        }
    }

    /** Every realized result (close, settlement, correction) may raise a balance-trailing mark. */
    void onRealized() {
        for (MaxLossLimit limit : maxLoss) {
            if (limit != null) {
                limit.onClose(account.balanceCents, account.referenceCents);
            }
        }
    }

    void shiftDailyCapital(long cents) {
        for (DailyLossLimit limit : daily) {
            if (limit != null) {
                limit.shiftCapital(cents);
            }
        }
    }

    void shiftMaxLossCapital(long cents) {
        for (MaxLossLimit limit : maxLoss) {
            if (limit != null) {
                limit.shiftCapital(cents);
            }
        }
    }

    void afterChange(Instant time) {
        evaluate(time, Occasion.OTHER, null);
    }

    void onDayStart(Instant boundary) {
        pausedBy = -1;
        for (DailyLossLimit limit : daily) {
            if (limit != null) {
                limit.startDay(account.dayStartBalanceCents, account.dayStartEquityCents);
            }
        }
        for (MaxLossLimit limit : maxLoss) {
            if (limit != null) {
                limit.onDayStart(account.balanceCents, account.referenceCents);
            }
        }
        evaluate(boundary, Occasion.OTHER, null);
    }

    MaxLossLimit.Snapshot[] maxLossSnapshots() {
        MaxLossLimit.Snapshot[] snapshots = new MaxLossLimit.Snapshot[maxLoss.length];
        for (int i = 0; i < maxLoss.length; i++) {
            snapshots[i] = maxLoss[i] == null ? null : maxLoss[i].snapshot();
        }
        return snapshots;
    }

    void onPayout(long amountCents) {
        for (MaxLossLimit limit : maxLoss) {
            if (limit != null) {
                limit.onPayout(amountCents, account.referenceCents);
            }
        }
    }

    void onPayoutCancelled(MaxLossLimit.Snapshot[] before) {
        for (int i = 0; i < maxLoss.length; i++) {
            if (maxLoss[i] != null) {
                maxLoss[i].onPayoutCancelled(before[i]);
            }
        }
    }

    // ---- scheduled checks -----------------------------------------------------------------------

    private void schedule(Instant at, int ruleIndex, Position position) {
        account.services().schedule(at, account, ruleIndex,
                position == null ? -1 : account.sequenceOf(position), position == null ? null : position.id);
    }

    private void scheduleCutoff(WeekendHolding rule, int ruleIndex, Instant after) {
        var zone = account.program().tradingDay().zone();
        schedule(LocalSchedule.nextWeekly(zone, rule.cutoffDay(), rule.cutoffTime(), after), ruleIndex, null);
    }

    /** A scheduled instant of rule {@code ruleIndex} has come; stale requests are recognised and skipped. */
    void runScheduled(Instant at, int ruleIndex, Position position) {
        evaluationTime = at;
        switch (rules.get(ruleIndex)) {
            case TimeLimit rule -> breach(ruleIndex, at, Consequence.FAIL, null,
                    Measure.Quantity.of(rule.days()), Measure.Quantity.of(rule.days()), null);
            case Inactivity rule -> {
                inactivityCheckPending[ruleIndex] = false;
                if (idleSince == null) {
                    return; // a position is open: the next close asks again
                }
                Instant deadline = idleSince.plus(Duration.ofDays(rule.days()));
                if (deadline.isAfter(at)) {
                    inactivityCheckPending[ruleIndex] = true;
                    schedule(deadline, ruleIndex, null);
                    return;
                }
                breach(ruleIndex, at, Consequence.FAIL, null,
                        Measure.Quantity.of(rule.days()), Measure.Quantity.of(rule.days()), null);
            }
            case WeekendHolding rule -> {
                for (Position open : List.copyOf(account.open)) {
                    if (account.isFinished()) {
                        return;
                    }
                    violate(ruleIndex, at, open, new Measure.At(at), new Measure.At(at));
                }
                if (!account.isFinished()) {
                    scheduleCutoff(rule, ruleIndex, at);
                }
            }
            case StopLossRequired rule -> {
                if (position == null || !position.isOpen() || position.sl != null
                        || position.hasViolated(ruleIndex)) {
                    return;
                }
                position.markViolated(ruleIndex);
                Measure seconds = Measure.Quantity.of(rule.withinSeconds());
                violate(ruleIndex, at, position, seconds, seconds);
            }
            default -> throw new IllegalStateException("nothing is scheduled for " + rules.get(ruleIndex).name());
        }
        if (!account.isFinished()) {
            evaluate(at, Occasion.OTHER, null);
        }
    }

    // ---- evaluation -----------------------------------------------------------------------------


    /**
     * Evaluates the rules in the phase's order. A close that PropOS orders is made at once, so the
     * rules after it see it; when one was made, the loss rules run again (and again), so that no
     * floor is left reached by a close a later rule ordered: the state an event leaves is one that
     * no rule would act on if evaluated again (documented in docs/spec-notes.md).
     */
    private void evaluate(Instant time, Occasion occasion, Position subject) {
        evaluationTime = time;
        account.refreshEquity();
        long closesBefore;
        do {
            closesBefore = proposCloses;
            evaluateOnce(time, occasion, subject);
            occasion = Occasion.OTHER;
        } while (proposCloses != closesBefore && !account.isFinished());
        if (!account.isFinished()) {
            checkPass(time);
        }
    }

    private void evaluateOnce(Instant time, Occasion occasion, Position subject) {
        for (int i = 0; i < rules.size() && !account.isFinished(); i++) {
            switch (rules.get(i)) {
                case DailyLoss rule -> checkDailyLoss(i, rule, time);
                case MaxLoss rule -> checkMaxLoss(i, time);
                case MaxLots rule when occasion == Occasion.OPENED -> checkMaxLots(i, rule, subject, time);
                case MaxOpenPositions rule when occasion == Occasion.OPENED -> {
                    if (account.open.size() > rule.positions()) {
                        violate(i, time, subject, Measure.Quantity.of(account.open.size()),
                                Measure.Quantity.of(rule.positions()));
                    }
                }
                case NewsRestriction rule when occasion != Occasion.OTHER && occasion != Occasion.MODIFIED ->
                        checkNews(i, rule, subject, time, occasion == Occasion.OPENED);
                case StopLossRequired rule when occasion == Occasion.OPENED || occasion == Occasion.MODIFIED ->
                        checkStopLoss(i, rule, subject, time, occasion == Occasion.OPENED);
                case MinTradeDuration rule when occasion == Occasion.CLOSED_FULLY -> {
                    long heldMillis = Duration.between(subject.openTime, time).toMillis();
                    if (heldMillis < rule.seconds() * 1000L) {
                        violate(i, time, subject, new Measure.Quantity(BigDecimal.valueOf(heldMillis, 3)
                                .stripTrailingZeros()), Measure.Quantity.of(rule.seconds()));
                    }
                }
                default -> {
                }
            }
        }
    }

    private void checkDailyLoss(int index, DailyLoss rule, Instant time) {
        if (pausedBy == index) {
            return;
        }
        DailyLossLimit limit = daily[index];
        limit.noteEquity(account.equityCents);
        if (!limit.breachedBy(account.equityCents)) {
            return;
        }
        int strike = ++strikes[index];
        Consequence consequence = rule.enforcement().consequenceOfStrike(strike);
        account.emit(new Decision.Breach(time, account.id(), account.program().id(), account.phase().id(),
                rule.name(), consequence.wireName(), new Measure.Money(account.equityCents),
                new Measure.Money(limit.floorCents()), consequence == Consequence.PAUSE ? account.pausedUntil() : null,
                rule.enforcement().maxStrikes() > 0 ? strike : null, null, account.dayStartBalanceCents,
                account.dayStartEquityCents, limit.baseCents(), null));
        enforce(consequence, index, null, time);
    }

    private void checkMaxLoss(int index, Instant time) {
        MaxLossLimit limit = maxLoss[index];
        limit.onEquity(account.equityCents, account.referenceCents);
        long measured = limit.measured(account.balanceCents, account.equityCents);
        if (limit.reached(measured)) {
            account.emit(new Decision.Breach(time, account.id(), account.program().id(), account.phase().id(),
                    limit.rule.name(), Consequence.FAIL.wireName(), new Measure.Money(measured),
                    new Measure.Money(limit.floorCents()), null, null, null, null, null, null,
                    limit.highWaterCents(account.referenceCents)));
            fail(index, time);
        }
    }

    private void checkMaxLots(int index, MaxLots rule, Position opened, Instant time) {
        if (!rule.symbols().isEmpty() && !rule.symbols().contains(opened.symbol.name())) {
            return;
        }
        BigDecimal counted = BigDecimal.ZERO;
        if (rule.per() == LotsPer.POSITION) {
            counted = opened.openedLots;
        } else {
            for (Position position : account.open) {
                boolean counts = rule.per() == LotsPer.SYMBOL
                        ? position.symbol.name().equals(opened.symbol.name())
                        : rule.symbols().isEmpty() || rule.symbols().contains(position.symbol.name());
                if (counts) {
                    counted = counted.add(position.lots);
                }
            }
        }
        if (counted.compareTo(rule.lots()) > 0) {
            violate(index, time, opened, new Measure.Quantity(counted), new Measure.Quantity(rule.lots()));
        }
    }

    private void checkNews(int index, NewsRestriction rule, Position position, Instant time, boolean atOpen) {
        if (position.hasViolated(index) || (atOpen && rule.appliesTo() == NewsScope.OPEN_AND_CLOSE)) {
            return;
        }
        Instant alsoInside = rule.appliesTo() == NewsScope.OPEN_AND_CLOSE ? position.openTime : null;
        Measure.Window window = account.services().news().windowContaining(time, alsoInside, position.symbol,
                rule.impacts(), Duration.ofMinutes(rule.beforeMinutes()), Duration.ofMinutes(rule.afterMinutes()));
        if (window != null) {
            position.markViolated(index);
            violate(index, time, position, new Measure.At(time), window);
        }
    }

    private void checkStopLoss(int index, StopLossRequired rule, Position position, Instant time, boolean atOpen) {
        if (position.hasViolated(index) || !position.isOpen()) {
            return;
        }
        if (atOpen && rule.withinSeconds() == 0 && position.sl == null) {
            position.markViolated(index);
            violate(index, time, position, Measure.Quantity.of(0), Measure.Quantity.of(0));
            return;
        }
        if (rule.maxRiskPercent() == null || position.farthestSl == null) {
            return;
        }
        BigDecimal riskInProfitCurrency = position.riskPerUnit().multiply(position.lots)
                .multiply(position.symbol.contractSize());
        long risk = account.market().toAccountCentsRequired(riskInProfitCurrency,
                position.symbol.profitCurrency(), account.program().currency());
        long allowed = Money.percentOf(rule.maxRiskPercent(), position.balanceAtOpenCents);
        if (risk > allowed) {
            position.markViolated(index);
            violate(index, time, position, new Measure.Money(risk), new Measure.Money(allowed));
        }
    }

    /** A soft rule was broken: a violation with its consequence, or on the last strike a breach. */
    private void violate(int index, Instant time, Position position, Measure value, Measure limit) {
        Rule rule = rules.get(index);
        Enforcement enforcement = rule.enforcement();
        int strike = ++strikes[index];
        Consequence consequence = enforcement.consequenceOfStrike(strike);
        if (consequence.isBreach()) {
            breach(index, time, consequence, position, value, limit, enforcement.maxStrikes() > 0 ? strike : null);
            return;
        }
        account.emit(new Decision.Violation(time, account.id(), account.program().id(), account.phase().id(),
                rule.name(), consequence.wireName(), position == null ? null : position.id, strike, value, limit));
        switch (consequence) {
            case CLOSE_POSITION -> {
                if (position.isOpen()) {
                    account.closeByPropos(position);
                }
            }
            case EXCLUDE_PROFIT -> {
                position.excludeKeepPercent = enforcement.keepPercent();
                account.applyExclusion(position);
            }
            default -> {
            }
        }
    }

    private void breach(int index, Instant time, Consequence consequence, Position position, Measure value,
                        Measure limit, Integer strike) {
        account.emit(new Decision.Breach(time, account.id(), account.program().id(), account.phase().id(),
                rules.get(index).name(), consequence.wireName(), value, limit,
                consequence == Consequence.PAUSE ? account.pausedUntil() : null, strike,
                position == null ? null : position.id, null, null, null, null));
        enforce(consequence, index, position, time);
    }

    private void enforce(Consequence consequence, int index, Position position, Instant time) {
        if (consequence == Consequence.FAIL) {
            fail(index, time);
        } else if (consequence == Consequence.PAUSE) {
            pausedBy = index;
            account.pause();
            for (Position open : List.copyOf(account.open)) {
                account.closeByPropos(open);
            }
        }
    }

    private void fail(int index, Instant time) {
        failedBy = index;
        finishedAt = time;
        account.fail();
    }

    // ---- objectives -----------------------------------------------------------------------------

    private void checkPass(Instant time) {
        ProfitTarget target = account.phase().first(ProfitTarget.class);
        if (target == null || account.status() != Status.ACTIVE
                || (target.requireFlat() && !account.open.isEmpty())) {
            return;
        }
        long measured = target.measure() == ProfitMeasure.BALANCE ? account.balanceCents : account.equityCents;
        if (measured - account.excludedCents < account.referenceCents + objectives.targetCents(target, account.phaseDays)
                || objectives.blocked(AppliesTo.PASS, account.phaseDays)) {
            return;
        }
        finishedAt = time;
        account.pass();
        account.emit(new Decision.PhasePassed(time, account.id(), account.program().id(), account.phase().id(),
                account.phase().next(), account.balanceCents, objectives.tradingDays(account.phaseDays)));
    }

    Objectives objectives() {
        return objectives;
    }

    /** Whether a payout of {@code amountCents} would bring a max-loss measure to its floor. */
    boolean payoutBreachesFloor(long amountCents) {
        for (MaxLossLimit limit : maxLoss) {
            if (limit != null && limit.payoutWouldReach(amountCents, account.balanceCents, account.equityCents,
                    account.referenceCents)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The equity band inside which a quote cannot make any rule act: a rule may act once equity
     * is at or below {@code [0]} (a floor) or at or above {@code [1]} (a new high or the target).
     */
    long[] quietEquityBand() {
        long lower = Long.MIN_VALUE;
        long upper = Long.MAX_VALUE;
        for (int i = 0; i < rules.size(); i++) {
            if (daily[i] != null && pausedBy != i) {
                lower = Math.max(lower, daily[i].rule.inclusive() ? daily[i].floorCents() : daily[i].floorCents() - 1);
                if (daily[i].rule.base() == Rule.DailyBase.PEAK_EQUITY) {
                    upper = Math.min(upper, daily[i].baseCents() + 1);
                }
            }
            if (maxLoss[i] != null) {
                MaxLossLimit limit = maxLoss[i];
                if (limit.measuresEquity()) {
                    lower = Math.max(lower, limit.rule.inclusive() ? limit.floorCents() : limit.floorCents() - 1);
                }
                if (limit.trailsEquity()) {
                    upper = Math.min(upper, limit.highWaterCents(account.referenceCents) + 1);
                }
            }
        }
        ProfitTarget target = account.phase().first(ProfitTarget.class);
        if (target != null && target.measure() == ProfitMeasure.EQUITY && !target.requireFlat()
                && account.status() == Status.ACTIVE) {
            upper = Math.min(upper, account.referenceCents + objectives.targetCents(target, account.phaseDays) + account.excludedCents);
        }
        return new long[] {lower, upper};
    }

    // ---- read-outs (RuleStatusReader) -----------------------------------------------------------

    List<Rule> rules() {
        return rules;
    }

    DailyLossLimit daily(int index) {
        return daily[index];
    }

    MaxLossLimit maxLoss(int index) {
        return maxLoss[index];
    }

    int strikes(int index) {
        return strikes[index];
    }

    /** Whether entry {@code index} paused the account and its pause is in force (or was when it finished). */
    boolean pausedBy(int index) {
        return pausedBy == index;
    }

    int failedBy() {
        return failedBy;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    /** The start of the current idle period, from which inactivity counts; null while a position is open. */
    Instant idleSince() {
        return idleSince;
    }

    DailyLossLimit firstDailyLoss() {
        for (DailyLossLimit limit : daily) {
            if (limit != null) {
                return limit;
            }
        }
        return null;
    }

    MaxLossLimit firstMaxLoss() {
        for (MaxLossLimit limit : maxLoss) {
            if (limit != null) {
                return limit;
            }
        }
        return null;
    }
}
