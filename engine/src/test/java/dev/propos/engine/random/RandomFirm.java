package dev.propos.engine.random;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.PayoutPolicy;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.config.TradingDay;
import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Impact;
import dev.propos.engine.event.LevelUpdate;
import dev.propos.engine.event.Side;
import dev.propos.engine.rule.Consequence;
import dev.propos.engine.rule.Enforcement;
import dev.propos.engine.rule.LimitAmount;
import dev.propos.engine.rule.Rule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded random firm: programs using every rule kind with random parameters, and a valid event
 * stream of many accounts trading several symbols (with conversions) under a random-walk market.
 */
public final class RandomFirm {

    /** Symbols with their starting mid and their typical tick. */
    private record Market(String symbol, BigDecimal start, BigDecimal tick, BigDecimal spread) {
    }

    private static final List<Market> MARKETS = List.of(
            new Market("EURUSD", new BigDecimal("1.08000"), new BigDecimal("0.00010"), new BigDecimal("0.00010")),
            new Market("GBPUSD", new BigDecimal("1.27000"), new BigDecimal("0.00012"), new BigDecimal("0.00012")),
            new Market("XAUUSD", new BigDecimal("2300.00"), new BigDecimal("0.80"), new BigDecimal("0.30")),
            new Market("US30", new BigDecimal("39000.0"), new BigDecimal("15.0"), new BigDecimal("2.0")),
            new Market("USDJPY", new BigDecimal("150.000"), new BigDecimal("0.020"), new BigDecimal("0.010")),
            new Market("EURGBP", new BigDecimal("0.85000"), new BigDecimal("0.00008"), new BigDecimal("0.00010")));

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Prague"),
            ZoneId.of("America/New_York"));

    public final FirmConfig config;
    public final List<Event> events;

    private final Random random;

    private RandomFirm(long seed, int accounts, int length) {
        this.random = new Random(seed);
        this.config = config();
        this.events = new Stream(accounts).generate(length);
    }

    public static RandomFirm generate(long seed, int accounts, int length) {
        return new RandomFirm(seed, accounts, length);
    }

    // ---- configuration --------------------------------------------------------------------------

    private FirmConfig config() {
        Map<String, SymbolSpec> symbols = Map.of(
                "XAUUSD", new SymbolSpec("XAUUSD", BigDecimal.valueOf(100), "USD"),
                "US30", new SymbolSpec("US30", BigDecimal.ONE, "USD"));
        List<Program> programs = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            programs.add(program("program-" + p));
        }
        RiskConfig risk = new RiskConfig(new RiskConfig.CopyTrading(5 + random.nextInt(20), 2 + random.nextInt(2)),
                new RiskConfig.Hedging(30 + random.nextInt(60), random.nextBoolean()));
        return new FirmConfig(symbols, programs, risk);
    }

    private Program program(String id) {
        int phaseCount = 1 + random.nextInt(3);
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < phaseCount; i++) {
            boolean funded = i == phaseCount - 1 && random.nextInt(3) > 0;
            String next = i < phaseCount - 1 ? "phase-" + (i + 1) : null;
            PayoutPolicy payouts = funded ? new PayoutPolicy(BigDecimal.valueOf(70 + random.nextInt(21)),
                    random.nextInt(3), random.nextInt(3), random.nextInt(3) * 5000L, random.nextBoolean(),
                    random.nextBoolean()) : null;
            phases.add(new Phase("phase-" + i, next, funded, rules(funded), payouts));
        }
        TradingDay day = new TradingDay(pick(ZONES), random.nextBoolean() ? LocalTime.MIDNIGHT : LocalTime.of(17, 0));
        return new Program(id, 1, id, "USD", 10_000_000L * (1 + random.nextInt(3)), day, phases);
    }

    private List<Rule> rules(boolean funded) {
        List<Rule> rules = new ArrayList<>();
        if (!funded) {
            rules.add(new Rule.ProfitTarget(percent(2, 8), pick(Rule.ProfitMeasure.values()), random.nextBoolean()));
        }
        rules.add(new Rule.DailyLoss(random.nextInt(4) == 0 ? new LimitAmount.Fixed(100_000L * (2 + random.nextInt(20)))
                : percent(1, 5), pick(Rule.DailyBase.values()), pick(Rule.DailyAmountOf.values()), random.nextBoolean(),
                enforcement(Consequence.FAIL, Consequence.PAUSE)));
        rules.add(new Rule.MaxLoss(percent(3, 10), pick(Rule.MaxLossMode.values()),
                random.nextInt(3) == 0 ? Long.valueOf(random.nextInt(2) * 10_000L) : null,
                pick(Rule.MaxLossAmountOf.values()), pick(Rule.LossMeasure.values()), pick(Rule.OnPayout.values()),
                random.nextBoolean(), Enforcement.of(Consequence.FAIL)));
        maybe(rules, () -> new Rule.MinTradingDays(1 + random.nextInt(3), pick(Rule.DayCount.values()),
                new BigDecimal("0.1"), funded ? pick(Rule.AppliesTo.values()) : Rule.AppliesTo.PASS));
        maybe(rules, () -> new Rule.TimeLimit(5 + random.nextInt(20), Enforcement.of(Consequence.FAIL)));
        maybe(rules, () -> new Rule.Inactivity(3 + random.nextInt(8), Enforcement.of(Consequence.FAIL)));
        maybe(rules, () -> {
            Rule.AppliesTo scope = funded ? pick(Rule.AppliesTo.values()) : Rule.AppliesTo.PASS;
            Rule.ConsistencyMode mode = scope == Rule.AppliesTo.PAYOUT ? Rule.ConsistencyMode.BLOCK
                    : pick(Rule.ConsistencyMode.values());
            return new Rule.Consistency(BigDecimal.valueOf(30 + random.nextInt(40)), pick(Rule.ConsistencyBasis.values()),
                    random.nextBoolean(), mode, scope);
        });
        maybe(rules, () -> new Rule.MaxLots(BigDecimal.valueOf(2 + random.nextInt(8)), pick(Rule.LotsPer.values()),
                random.nextBoolean() ? Set.of() : Set.of("EURUSD", "XAUUSD"),
                enforcement(Consequence.FLAG, Consequence.FAIL, Consequence.CLOSE_POSITION)));
        maybe(rules, () -> new Rule.MaxOpenPositions(2 + random.nextInt(4),
                enforcement(Consequence.FLAG, Consequence.FAIL, Consequence.CLOSE_POSITION)));
        maybe(rules, () -> new Rule.NewsRestriction(1 + random.nextInt(5), 1 + random.nextInt(5),
                random.nextBoolean() ? EnumSet.of(Impact.HIGH) : EnumSet.of(Impact.HIGH, Impact.MEDIUM),
                pick(Rule.NewsScope.values()), enforcement(Consequence.FLAG, Consequence.FAIL, Consequence.EXCLUDE_PROFIT)));
        maybe(rules, () -> new Rule.WeekendHolding(random.nextBoolean() ? DayOfWeek.FRIDAY : pick(DayOfWeek.values()),
                LocalTime.of(random.nextInt(24), 0),
                enforcement(Consequence.CLOSE_POSITION, Consequence.FLAG, Consequence.FAIL)));
        maybe(rules, () -> new Rule.StopLossRequired(pick(List.of(0, 30, 300)),
                random.nextBoolean() ? null : BigDecimal.valueOf(1 + random.nextInt(3)),
                enforcement(Consequence.FLAG, Consequence.FAIL, Consequence.CLOSE_POSITION)));
        maybe(rules, () -> new Rule.MinTradeDuration(30 + random.nextInt(300),
                enforcement(Consequence.FLAG, Consequence.EXCLUDE_PROFIT)));
        Collections.shuffle(rules, random);
        return rules;
    }

    private Enforcement enforcement(Consequence... allowed) {
        Consequence consequence = allowed[random.nextInt(allowed.length)];
        int strikes = consequence == Consequence.FAIL || random.nextBoolean() ? 0 : 2 + random.nextInt(2);
        BigDecimal keep = consequence == Consequence.EXCLUDE_PROFIT ? BigDecimal.valueOf(random.nextInt(2) * 50)
                : BigDecimal.ZERO;
        return new Enforcement(consequence, strikes, keep);
    }

    private LimitAmount percent(int from, int to) {
        return new LimitAmount.Percent(BigDecimal.valueOf(from * 10 + random.nextInt((to - from) * 10 + 1), 1));
    }

    private void maybe(List<Rule> rules, java.util.function.Supplier<Rule> rule) {
        if (random.nextInt(3) > 0) {
            rules.add(rule.get());
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // ---- events ---------------------------------------------------------------------------------

    /** The stream's own book: what each account holds as far as the trader knows. */
    private final class Stream {
        private final int accountCount;
        private final List<Event> out = new ArrayList<>();
        private final Map<String, BigDecimal> mids = new LinkedHashMap<>();
        private final Map<String, List<Holding>> holdings = new LinkedHashMap<>();
        private final Map<String, Long> initialBalances = new LinkedHashMap<>();
        private Instant time = Instant.parse("2026-03-06T06:00:00Z");
        private int positionCounter;
        private int eventCounter;

        private record Holding(String id, String symbol, Side side, BigDecimal lots) {
        }

        Stream(int accountCount) {
            this.accountCount = accountCount;
        }

        List<Event> generate(int length) {
            for (Market market : MARKETS) {
                mids.put(market.symbol(), market.start());
                quote(market);
            }
            for (int n = 0; n < 6; n++) {
                Instant at = time.plus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 5)));
                out.add(new Event.News(at, "news-" + n, List.of(random.nextBoolean() ? "USD" : "EUR"),
                        random.nextInt(4) == 0 ? List.of("XAUUSD") : List.of(), pick(Impact.values()), "entry " + n,
                        random.nextBoolean() ? at.plus(Duration.ofMinutes(random.nextInt(30))) : null, null));
            }
            for (int a = 0; a < accountCount; a++) {
                start(a);
            }
            while (out.size() < length) {
                advance();
                int dice = random.nextInt(100);
                if (dice < 60) {
                    quote(pick(MARKETS));
                } else if (dice < 72) {
                    open();
                } else if (dice < 84) {
                    close();
                } else if (dice < 88) {
                    modify();
                } else if (dice < 91) {
                    adjust();
                } else if (dice < 94) {
                    payout();
                } else if (dice < 95) {
                    String account = account();
                    long initial = initialBalances.get(account);
                    long equity = initial + (random.nextInt(2001) - 1000) * initial / 50_000;
                    out.add(new Event.EquityReported(time, nextId(), account, BigDecimal.valueOf(equity, 2), null));
                } else if (dice < 97) {
                    resend();
                } else {
                    out.add(new Event.Clock(time, null));
                }
            }
            return out;
        }

        private void advance() {
            int dice = random.nextInt(100);
            long millis = dice < 85 ? random.nextInt(20_000) : dice < 99 ? random.nextInt(3_600_000)
                    : random.nextInt(36 * 3_600_000);
            time = time.plusMillis(millis);
        }

        private String nextId() {
            return random.nextInt(4) == 0 ? null : "e" + (eventCounter++);
        }

        private void start(int index) {
            String account = "A" + (100 + index);
            Program program = pick(config.programs());
            out.add(new Event.AccountStarted(time, nextId(), account, null, program.id(), null, null, null,
                    "T" + random.nextInt(Math.max(1, accountCount / 2)), BigDecimal.valueOf(random.nextInt(500))));
            holdings.put(account, new ArrayList<>());
            initialBalances.put(account, program.initialBalanceCents());
            time = time.plusMillis(random.nextInt(1000));
        }

        private String account() {
            return "A" + (100 + random.nextInt(accountCount));
        }

        private void quote(Market market) {
            BigDecimal mid = mids.get(market.symbol());
            int steps = random.nextInt(41) - 20;
            mid = mid.add(market.tick().multiply(BigDecimal.valueOf(steps)));
            mids.put(market.symbol(), mid);
            BigDecimal half = market.spread().divide(BigDecimal.valueOf(2));
            out.add(new Event.Quote(time, nextId(), market.symbol(), mid.subtract(half), mid.add(half)));
        }

        private void open() {
            String account = account();
            Market market = pick(MARKETS);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            BigDecimal lots = BigDecimal.valueOf(1 + random.nextInt(2000), 2);
            BigDecimal price = mids.get(market.symbol());
            BigDecimal sl = null;
            if (random.nextBoolean()) {
                BigDecimal distance = market.tick().multiply(BigDecimal.valueOf(5 + random.nextInt(200)));
                sl = side == Side.BUY ? price.subtract(distance) : price.add(distance);
            }
            String position = "p" + (positionCounter++);
            out.add(new Event.PositionOpened(time, nextId(), account, position, market.symbol(), side, lots, price, sl,
                    null, random.nextBoolean() ? new BigDecimal("-3.50") : null));
            holdings.get(account).add(new Holding(position, market.symbol(), side, lots));
            if (random.nextInt(4) == 0) { // a copier or a hedger a few seconds later
                String other = account();
                if (!other.equals(account)) {
                    time = time.plusMillis(random.nextInt(4000));
                    Side copySide = random.nextBoolean() ? side : side.opposite();
                    String copy = "p" + (positionCounter++);
                    out.add(new Event.PositionOpened(time, nextId(), other, copy, market.symbol(), copySide, lots,
                            price, null, null, null));
                    holdings.get(other).add(new Holding(copy, market.symbol(), copySide, lots));
                }
            }
        }

        private void close() {
            String account = account();
            List<Holding> held = holdings.get(account);
            if (held.isEmpty()) {
                return;
            }
            int index = random.nextInt(held.size());
            Holding holding = held.get(index);
            BigDecimal price = mids.get(holding.symbol());
            BigDecimal lots = null;
            if (random.nextInt(3) == 0 && holding.lots().compareTo(new BigDecimal("0.02")) >= 0) {
                lots = holding.lots().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                held.set(index, new Holding(holding.id(), holding.symbol(), holding.side(), holding.lots().subtract(lots)));
            } else {
                held.remove(index);
            }
            BigDecimal profit = random.nextInt(5) == 0 ? BigDecimal.valueOf(random.nextInt(20_000) - 10_000, 2) : null;
            out.add(new Event.PositionClosed(time, nextId(), account, holding.id(), price, lots, profit,
                    random.nextBoolean() ? new BigDecimal("-3.50") : null,
                    random.nextInt(4) == 0 ? new BigDecimal("-1.25") : null));
        }

        private void modify() {
            String account = account();
            List<Holding> held = holdings.get(account);
            if (held.isEmpty()) {
                return;
            }
            Holding holding = pick(held);
            Market market = MARKETS.stream().filter(m -> m.symbol().equals(holding.symbol())).findFirst().orElseThrow();
            BigDecimal distance = market.tick().multiply(BigDecimal.valueOf(5 + random.nextInt(300)));
            BigDecimal price = mids.get(holding.symbol());
            LevelUpdate sl = random.nextInt(4) == 0 ? LevelUpdate.CLEAR
                    : LevelUpdate.to(holding.side() == Side.BUY ? price.subtract(distance) : price.add(distance));
            out.add(new Event.PositionModified(time, nextId(), account, holding.id(), sl, LevelUpdate.KEEP));
        }

        private void adjust() {
            AdjustmentReason reason = pick(AdjustmentReason.values());
            long cents = 1 + random.nextInt(300_000);
            long signed = switch (reason) {
                case DEPOSIT -> cents;
                case WITHDRAWAL -> -cents;
                case CORRECTION -> random.nextBoolean() ? cents : -cents;
            };
            out.add(new Event.BalanceAdjusted(time, nextId(), account(), BigDecimal.valueOf(signed, 2), reason));
        }

        private void payout() {
            BigDecimal amount = random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(500_000), 2);
            String account = account();
            out.add(new Event.PayoutRequested(time, nextId(), account, amount));
            if (random.nextInt(30) == 0) {
                time = time.plusMillis(1 + random.nextInt(1000));
                out.add(new Event.PayoutCancelled(time, nextId(), account));
            }
        }

        /** A resend of a recent event (same id and content), as platforms do after a reconnect. */
        private void resend() {
            for (int back = 1; back <= Math.min(30, out.size()); back++) {
                Event recent = out.get(out.size() - back);
                if (recent.id() != null && !(recent instanceof Event.News)
                        && recent.time().isAfter(time.minus(Duration.ofHours(23)))) {
                    out.add(recent);
                    return;
                }
            }
        }
    }
}
