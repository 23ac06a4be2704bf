package dev.propos.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.account.Status;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.decision.Measure;
import dev.propos.engine.event.Event;
import dev.propos.engine.random.RandomFirm;
import dev.propos.engine.reference.ReferenceEvaluator;
import dev.propos.engine.rule.Rule;
import dev.propos.engine.status.RuleStatus;
import dev.propos.engine.status.RuleStatus.State;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link Engine#ruleStatus} on random seeded firms. Reading every account's status after every
 * event changes no decision (against a run that never reads) and no state (the snapshot is the
 * same byte for byte); the engine (quote index) and the reference evaluator (every account
 * revalued on every quote) read the same statuses at every step, which shows that the equity at
 * the latest quotes and the rules' kept state agree even for accounts the index did not revalue;
 * and the statuses agree with the decisions: a failed account has exactly its breaching entry
 * {@code breached}, with the breach's figures, a running one has no loss floor reached.
 */
class RuleStatusPropertyTest {

    /** One engine of a run and what it produced. */
    private static final class Run {
        final Engine engine;
        final List<Decision> decisions = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Run(RandomFirm firm, boolean reference) {
            Consumer<Decision> sink = decisions::add;
            engine = reference ? ReferenceEvaluator.create(firm.config, sink) : new Engine(firm.config, sink);
        }

        void apply(Event event, int index) {
            try {
                engine.apply(event);
            } catch (EngineException e) {
                errors.add(index + ": " + e.getMessage());
            }
        }
    }

    @Property(tries = 300)
    void readingStatusesChangesNoDecision(@ForAll @LongRange(min = 1) long seed,
                                          @ForAll @IntRange(min = 2, max = 30) int accounts) {
        RandomFirm firm = RandomFirm.generate(seed, accounts, 2000);
        Run unread = new Run(firm, false);
        Run read = new Run(firm, false);
        Run reference = new Run(firm, true);
        Set<String> ids = new LinkedHashSet<>();
        ids.add("no-such-account");
        for (int i = 0; i < firm.events.size(); i++) {
            Event event = firm.events.get(i);
            unread.apply(event, i);
            int decided = read.decisions.size();
            read.apply(event, i);
            reference.apply(event, i);
            if (event instanceof Event.AccountStarted started) {
                ids.add(started.account());
            }
            String context = "seed " + seed + ", event " + i;
            byte[] snapshot = i % 400 == 0 ? SnapshotTest.snapshot(read.engine) : null;
            for (String id : ids) {
                List<RuleStatus> status = read.engine.ruleStatus(id);
                List<RuleStatus> referenceStatus = reference.engine.ruleStatus(id);
                if (!Objects.equals(status, referenceStatus)) {
                    assertThat(status).as("%s, account %s", context, id).isEqualTo(referenceStatus);
                }
                if (status != null) {
                    assertConsistent(read.engine.accountInfo(id), status, context);
                }
            }
            if (snapshot != null) {
                assertThat(Arrays.equals(SnapshotTest.snapshot(read.engine), snapshot))
                        .as("state unchanged by reading (%s)", context).isTrue();
            }
            for (Decision decision : read.decisions.subList(decided, read.decisions.size())) {
                if (decision instanceof Decision.Breach breach && breach.consequence().equals("fail")) {
                    assertShowsBreach(breach, read.engine.ruleStatus(breach.account()), context);
                }
            }
        }
        assertThat(read.errors).as("refused events (seed %d)", seed).isEqualTo(unread.errors);
        assertThat(read.decisions).as("decisions (seed %d)", seed).isEqualTo(unread.decisions);
        assertThat(reference.decisions).as("reference decisions (seed %d)", seed).isEqualTo(unread.decisions);
        for (String id : ids) {
            List<RuleStatus> status = read.engine.ruleStatus(id);
            if (status != null) {
                assertAgreesWithAccountStatus(read.engine, id, status, "seed " + seed);
            }
        }
        assertThat(read.engine.statuses()).isEqualTo(unread.engine.statuses());
    }

    /** The states match the account's standing, and a running account has no floor reached. */
    private static void assertConsistent(Engine.AccountInfo info, List<RuleStatus> status, String context) {
        List<Rule> rules = info.phase().rules();
        assertThat(status).hasSameSizeAs(rules);
        long fails = status.stream().filter(s -> s.state() == State.BREACHED && s.consequence().equals("fail")).count();
        long pauses = status.stream().filter(s -> s.state() == State.BREACHED && s.consequence().equals("pause")).count();
        Supplier<String> where = () -> context + ", account " + info.account() + " " + info.status() + ": " + status;
        switch (info.status()) {
            case FAILED -> assertThat(fails).as(where).isEqualTo(1);
            case PAUSED -> assertThat(fails * 10 + pauses).as(where).isEqualTo(1);
            case ACTIVE, PASSED -> assertThat(fails + pauses).as(where).isZero();
        }
        for (int i = 0; i < rules.size(); i++) {
            RuleStatus entry = status.get(i);
            Rule rule = rules.get(i);
            if (!entry.rule().equals(rule.name())) {
                throw new AssertionError("entry " + i + " is not the phase's: " + where.get());
            }
            if (info.status() == Status.PASSED) {
                boolean blocksPass = switch (rule) {
                    case Rule.MinTradingDays days -> days.appliesTo() == Rule.AppliesTo.PASS;
                    case Rule.Consistency consistency -> consistency.appliesTo() == Rule.AppliesTo.PASS
                            && consistency.mode() == Rule.ConsistencyMode.BLOCK;
                    case Rule.ProfitTarget target -> info.phase().first(Rule.ProfitTarget.class) == target;
                    default -> false;
                };
                if (blocksPass) {
                    assertThat(entry.state()).as(where).isEqualTo(State.MET);
                }
            }
            if (info.status().isFinished() || entry.state() == State.BREACHED) {
                continue;
            }
            Boolean inclusive = switch (rule) {
                case Rule.DailyLoss daily -> daily.inclusive();
                case Rule.MaxLoss max -> max.inclusive();
                default -> null;
            };
            if (inclusive != null) {
                long room = ((Measure.Money) entry.distance()).cents();
                if (inclusive ? room <= 0 : room < 0) {
                    throw new AssertionError("a floor is reached: " + where.get());
                }
            }
        }
    }

    /** A fail is shown by the entry that made it, with the breach's value, limit and base. */
    private static void assertShowsBreach(Decision.Breach breach, List<RuleStatus> status, String context) {
        List<RuleStatus> breached = status.stream().filter(s -> s.state() == State.BREACHED
                && s.consequence().equals("fail")).toList();
        assertThat(breached).as("%s: %s", context, breach).hasSize(1);
        RuleStatus entry = breached.getFirst();
        assertThat(entry.rule()).as("%s: %s", context, breach).isEqualTo(breach.rule());
        if (breach.rule().equals("daily_loss") || breach.rule().equals("max_loss")) {
            assertThat(entry.value()).as("%s: %s", context, breach).isEqualTo(breach.value());
            assertThat(entry.limit()).as("%s: %s", context, breach).isEqualTo(breach.limit());
        }
        if (breach.rule().equals("daily_loss")) {
            assertThat(entry.basisCents()).as("%s: %s", context, breach).isEqualTo(breach.baseValueCents());
        }
        if (breach.rule().equals("max_loss") && "high_water".equals(entry.basis())) {
            assertThat(entry.basisCents()).as("%s: %s", context, breach).isEqualTo(breach.highWaterCents());
        }
    }

    /** The phase's first loss entries show {@code account_status}'s floors, equity and days. */
    private static void assertAgreesWithAccountStatus(Engine engine, String id, List<RuleStatus> status,
                                                      String context) {
        Decision.AccountStatus account = engine.statuses().stream().filter(s -> s.account().equals(id))
                .findFirst().orElseThrow();
        Engine.AccountInfo info = engine.accountInfo(id);
        List<Rule> rules = info.phase().rules();
        String where = context + ", account " + id;
        Rule.DailyLoss daily = info.phase().first(Rule.DailyLoss.class);
        if (daily != null) {
            RuleStatus entry = status.get(rules.indexOf(daily));
            assertThat(entry.limit()).as(where).isEqualTo(new Measure.Money(account.dailyLossFloorCents()));
            assertThat(entry.value()).as(where).isEqualTo(new Measure.Money(account.equityCents()));
        }
        Rule.MaxLoss max = info.phase().first(Rule.MaxLoss.class);
        if (max != null) {
            RuleStatus entry = status.get(rules.indexOf(max));
            assertThat(entry.limit()).as(where).isEqualTo(new Measure.Money(account.maxLossFloorCents()));
            if (max.measure() == Rule.LossMeasure.EQUITY) {
                assertThat(entry.value()).as(where).isEqualTo(new Measure.Money(account.equityCents()));
            }
        }
        Rule.MinTradingDays days = info.phase().first(Rule.MinTradingDays.class);
        if (days != null && days.appliesTo() == Rule.AppliesTo.PASS) {
            assertThat(status.get(rules.indexOf(days)).value()).as(where)
                    .isEqualTo(Measure.Quantity.of(account.tradingDays()));
        }
    }
}
