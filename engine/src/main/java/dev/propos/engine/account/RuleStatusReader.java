package dev.propos.engine.account;

import dev.propos.engine.calendar.LocalSchedule;
import dev.propos.engine.decision.Measure;
import dev.propos.engine.rule.Consequence;
import dev.propos.engine.rule.Enforcement;
import dev.propos.engine.rule.Rule;
import dev.propos.engine.rule.Rule.AppliesTo;
import dev.propos.engine.rule.Rule.Consistency;
import dev.propos.engine.rule.Rule.ConsistencyBasis;
import dev.propos.engine.rule.Rule.ConsistencyMode;
import dev.propos.engine.rule.Rule.DailyLoss;
import dev.propos.engine.rule.Rule.DayCount;
import dev.propos.engine.rule.Rule.Inactivity;
import dev.propos.engine.rule.Rule.MaxLoss;
import dev.propos.engine.rule.Rule.MaxLossMode;
import dev.propos.engine.rule.Rule.MaxLots;
import dev.propos.engine.rule.Rule.MaxOpenPositions;
import dev.propos.engine.rule.Rule.MinTradeDuration;
import dev.propos.engine.rule.Rule.MinTradingDays;
import dev.propos.engine.rule.Rule.NewsRestriction;
import dev.propos.engine.rule.Rule.ProfitMeasure;
import dev.propos.engine.rule.Rule.ProfitTarget;
import dev.propos.engine.rule.Rule.StopLossRequired;
import dev.propos.engine.rule.Rule.TimeLimit;
import dev.propos.engine.rule.Rule.WeekendHolding;
import dev.propos.engine.money.Money;
import dev.propos.engine.status.RuleStatus;
import dev.propos.engine.status.RuleStatus.State;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an account's rule entries into {@link RuleStatus}es: from the state the rules keep (floors,
 * marks, ledgers, strikes), the figures the next evaluation would decide with, at the equity given.
 * It writes nothing. One pass over the open positions at most, then constant work per rule entry
 * (per symbol held, for {@code max_lots}).
 */
final class RuleStatusReader {

    private final Account account;
    private final RuleBook book;
    /** The instant read at: the engine's time, or the instant the account finished. */
    private final Instant asOf;
    private final long equityCents;
    private final boolean finished;
    /** Open lots and the largest opened lots per symbol, gathered once for the {@code max_lots} entries. */
    private Map<String, BigDecimal[]> lotsBySymbol;

    private RuleStatusReader(Account account, RuleBook book, Instant asOf, long equityCents, boolean finished) {
        this.account = account;
        this.book = book;
        this.asOf = asOf;
        this.equityCents = equityCents;
        this.finished = finished;
    }

    static List<RuleStatus> read(Account account, RuleBook book, Instant asOf, long equityCents, boolean finished) {
        return new RuleStatusReader(account, book, asOf, equityCents, finished).read();
    }

    private List<RuleStatus> read() {
        List<Rule> rules = book.rules();
        ProfitTarget deciding = account.phase().first(ProfitTarget.class);
        List<RuleStatus> statuses = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            statuses.add(switch (rules.get(i)) {
                case DailyLoss rule -> dailyLoss(i, rule);
                case MaxLoss rule -> maxLoss(i, rule);
                case ProfitTarget rule -> profitTarget(rule, rule == deciding);
                case MinTradingDays rule -> minTradingDays(rule);
                case Consistency rule -> consistency(rule, deciding);
                case TimeLimit rule -> deadline(i, rule, account.startTime().plus(Duration.ofDays(rule.days())),
                        "account_started");
                case Inactivity rule -> {
                    Instant idleSince = book.idleSince();
                    yield deadline(i, rule, idleSince == null ? null : idleSince.plus(Duration.ofDays(rule.days())),
                            "last_activity");
                }
                case MaxLots rule -> maxLots(i, rule);
                case MaxOpenPositions rule -> {
                    long open = account.open.size();
                    yield enforced(i, rule, Measure.Quantity.of(open), Measure.Quantity.of(rule.positions()),
                            Measure.Quantity.of(rule.positions() - open), null);
                }
                case WeekendHolding rule -> {
                    Instant cutoff = LocalSchedule.nextWeekly(account.program().tradingDay().zone(),
                            rule.cutoffDay(), rule.cutoffTime(), asOf);
                    yield enforced(i, rule, Measure.Quantity.of(account.open.size()), new Measure.At(cutoff),
                            secondsUntil(cutoff), live(cutoff));
                }
                case StopLossRequired rule -> stopLoss(i, rule);
                case MinTradeDuration rule -> {
                    long young = 0;
                    for (Position position : account.open) {
                        if (Duration.between(position.openTime, asOf).toMillis() < rule.seconds() * 1000L) {
                            young++;
                        }
                    }
                    yield enforced(i, rule, Measure.Quantity.of(young), Measure.Quantity.of(rule.seconds()), null,
                            null);
                }
                case NewsRestriction rule -> enforced(i, rule, null, null, null, null);
            });
        }
        return statuses;
    }

    // ---- loss rules -----------------------------------------------------------------------------

    private RuleStatus dailyLoss(int index, DailyLoss rule) {
        DailyLossLimit limit = book.daily(index);
        String basis = switch (rule.base()) {
            case BALANCE -> "day_start_balance";
            case EQUITY -> "day_start_equity";
            case MAX -> "higher_of";
            case PEAK_EQUITY -> "day_peak";
        };
        int strikes = book.strikes(index);
        State state = State.OK;
        Consequence consequence = rule.enforcement().consequenceOfStrike(strikes + 1);
        if (book.failedBy() == index) {
            state = State.BREACHED;
            consequence = Consequence.FAIL;
        } else if (book.pausedBy(index)) {
            state = State.BREACHED;
            consequence = Consequence.PAUSE;
        }
        return new RuleStatus(rule.name(), state, new Measure.Money(equityCents),
                new Measure.Money(limit.floorCents()), new Measure.Money(equityCents - limit.floorCents()), basis,
                limit.baseCents(), live(account.nextBoundary()), consequence.wireName(), strikes);
    }

    private RuleStatus maxLoss(int index, MaxLoss rule) {
        MaxLossLimit limit = book.maxLoss(index);
        long measured = limit.measured(account.balanceCents, equityCents);
        long floor = limit.floorCents();
        long reference = account.referenceCents;
        String basis;
        long basisCents;
        if (rule.mode() == MaxLossMode.STATIC || limit.floorFixed()) {
            basis = "reference_balance";
            basisCents = reference;
        } else if (rule.lockAtCents() != null && floor == reference + rule.lockAtCents()) {
            basis = "lock_at";
            basisCents = reference + rule.lockAtCents();
        } else {
            basis = "high_water";
            basisCents = limit.rawHighWaterCents();
        }
        boolean failed = book.failedBy() == index;
        return new RuleStatus(rule.name(), failed ? State.BREACHED : State.OK, new Measure.Money(measured),
                new Measure.Money(floor), new Measure.Money(measured - floor), basis, basisCents,
                rule.mode() == MaxLossMode.TRAILING_EOD ? live(account.nextBoundary()) : null,
                Consequence.FAIL.wireName(), null);
    }

    // ---- objectives -----------------------------------------------------------------------------

    private RuleStatus profitTarget(ProfitTarget rule, boolean deciding) {
        long measured = rule.measure() == ProfitMeasure.BALANCE ? account.balanceCents : equityCents;
        long profit = measured - account.excludedCents - account.referenceCents;
        long target = book.objectives().targetCents(rule, account.phaseDays);
        State state;
        if (!deciding) {
            state = State.INACTIVE;
        } else if (account.status() == Status.PASSED
                || (profit >= target && (!rule.requireFlat() || account.open.isEmpty()))) {
            state = State.MET;
        } else {
            state = State.PENDING;
        }
        return new RuleStatus(rule.name(), state, new Measure.Money(profit), new Measure.Money(target),
                new Measure.Money(target - profit), "reference_balance", account.referenceCents, null, "pass", null);
    }

    private RuleStatus minTradingDays(MinTradingDays rule) {
        DayLedger days = rule.appliesTo() == AppliesTo.PASS ? account.phaseDays : account.periodDays;
        int counted = book.objectives().countDays(rule, days);
        boolean profitable = rule.count() == DayCount.PROFITABLE;
        State state = counted >= rule.days() || passed(rule.appliesTo()) ? State.MET : State.PENDING;
        return new RuleStatus(rule.name(), state, Measure.Quantity.of(counted), Measure.Quantity.of(rule.days()),
                Measure.Quantity.of(rule.days() - counted), profitable ? "min_day_profit" : null,
                profitable ? Money.percentOf(rule.minDayProfitPercent(), account.initialCents()) : null, null,
                "block", null);
    }

    private RuleStatus consistency(Consistency rule, ProfitTarget target) {
        DayLedger days = rule.appliesTo() == AppliesTo.PASS ? account.phaseDays : account.periodDays;
        long best = days.bestDayCents();
        if (rule.mode() == ConsistencyMode.RAISE_TARGET) {
            if (target == null) {
                return new RuleStatus(rule.name(), State.OK, new Measure.Money(best), null, null, null, null, null,
                        "raise_target", null);
            }
            long configured = book.objectives().baseTargetCents(target);
            long largest = Objectives.largestUnraisingBestDayCents(rule, configured);
            return new RuleStatus(rule.name(), best > largest ? State.RAISED : State.OK, new Measure.Money(best),
                    new Measure.Money(largest), new Measure.Money(largest - best), "profit_target", configured, null,
                    "raise_target", null);
        }
        boolean net = rule.of() == ConsistencyBasis.NET;
        long total = net ? days.netTotalCents() : days.positiveTotalCents();
        long largest = Objectives.largestBestDayCents(rule, total);
        State state = Objectives.holds(rule, days) || passed(rule.appliesTo()) ? State.MET : State.PENDING;
        return new RuleStatus(rule.name(), state, new Measure.Money(best), new Measure.Money(largest),
                new Measure.Money(largest - best), net ? "net_total" : "positive_total", total, null, "block", null);
    }

    /** A passed phase met every objective that applies to the pass. */
    private boolean passed(AppliesTo scope) {
        return scope == AppliesTo.PASS && account.status() == Status.PASSED;
    }

    // ---- rules of the clock ---------------------------------------------------------------------

    /** {@code time_limit} and {@code inactivity}: a deadline (null while it does not run). */
    private RuleStatus deadline(int index, Rule rule, Instant deadline, String basis) {
        boolean failed = book.failedBy() == index;
        return new RuleStatus(rule.name(), failed ? State.BREACHED : State.OK, new Measure.At(asOf),
                deadline == null ? null : new Measure.At(deadline), deadline == null ? null : secondsUntil(deadline),
                basis, null, live(deadline), Consequence.FAIL.wireName(), null);
    }

    private RuleStatus stopLoss(int index, StopLossRequired rule) {
        long pending = 0;
        Instant earliest = null;
        if (rule.withinSeconds() > 0) {
            for (Position position : account.open) {
                Instant deadline = position.openTime.plusSeconds(rule.withinSeconds());
                if (position.sl == null && !position.hasViolated(index) && deadline.isAfter(asOf)) {
                    pending++;
                    if (earliest == null || deadline.isBefore(earliest)) {
                        earliest = deadline;
                    }
                }
            }
        }
        return enforced(index, rule, Measure.Quantity.of(pending), earliest == null ? null : new Measure.At(earliest),
                earliest == null ? null : secondsUntil(earliest), null);
    }

    // ---- rules of the trades --------------------------------------------------------------------

    private RuleStatus maxLots(int index, MaxLots rule) {
        BigDecimal value = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> held : lotsBySymbol().entrySet()) {
            if (!rule.symbols().isEmpty() && !rule.symbols().contains(held.getKey())) {
                continue;
            }
            BigDecimal[] lots = held.getValue();
            value = switch (rule.per()) {
                case POSITION -> value.max(lots[1]);
                case SYMBOL -> value.max(lots[0]);
                case ACCOUNT -> value.add(lots[0]);
            };
        }
        return enforced(index, rule, new Measure.Quantity(value), new Measure.Quantity(rule.lots()),
                new Measure.Quantity(rule.lots().subtract(value)), null);
    }

    /** Per symbol held: {@code [0]} the open lots, {@code [1]} the largest opened lots of an open position. */
    private Map<String, BigDecimal[]> lotsBySymbol() {
        if (lotsBySymbol == null) {
            lotsBySymbol = new HashMap<>();
            for (Position position : account.open) {
                BigDecimal[] lots = lotsBySymbol.computeIfAbsent(position.symbol.name(),
                        symbol -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                lots[0] = lots[0].add(position.lots);
                lots[1] = lots[1].max(position.openedLots);
            }
        }
        return lotsBySymbol;
    }

    /** A rule judged by its {@link Enforcement}: ok, violated, or breached when it failed the account. */
    private RuleStatus enforced(int index, Rule rule, Measure value, Measure limit, Measure distance,
                                Instant nextReset) {
        int strikes = book.strikes(index);
        State state = book.failedBy() == index ? State.BREACHED : strikes > 0 ? State.VIOLATED : State.OK;
        Consequence consequence = state == State.BREACHED ? Consequence.FAIL
                : rule.enforcement().consequenceOfStrike(strikes + 1);
        return new RuleStatus(rule.name(), state, value, limit, distance, null, null, nextReset,
                consequence.wireName(), strikes);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** An instant the rule next acts at: none for a finished account. */
    private Instant live(Instant instant) {
        return finished ? null : instant;
    }

    /** Seconds from the instant read at to {@code instant}, exact to the millisecond (negative when past). */
    private Measure.Quantity secondsUntil(Instant instant) {
        long millis = Duration.between(asOf, instant).toMillis();
        return new Measure.Quantity(millis % 1000 == 0 ? BigDecimal.valueOf(millis / 1000)
                : BigDecimal.valueOf(millis, 3).stripTrailingZeros());
    }
}
