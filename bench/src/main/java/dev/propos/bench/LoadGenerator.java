package dev.propos.bench;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.PayoutPolicy;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.config.TradingDay;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Side;
import dev.propos.engine.rule.Consequence;
import dev.propos.engine.rule.Enforcement;
import dev.propos.engine.rule.LimitAmount;
import dev.propos.engine.rule.Rule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A seeded, realistic load: a firm selling the common products (a two-step challenge with a
 * balance-based daily loss, a one-step with an end-of-day trailing drawdown, instant funding with
 * a balance-trailing drawdown locked at the initial balance), N accounts each holding several
 * positions across S symbols, then a stream of quotes (random walks at each symbol's tick size)
 * with trades mixed in at a low rate, as on a real platform.
 */
public final class LoadGenerator {

    /** A tradable symbol of the load: its contract, starting price, tick and spread. */
    record Instrument(String symbol, BigDecimal contractSize, BigDecimal start, BigDecimal tick, BigDecimal spread,
                      BigDecimal typicalLots) {
    }

    static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument("EURUSD", BigDecimal.valueOf(100_000), new BigDecimal("1.08000"), new BigDecimal("0.00001"),
                    new BigDecimal("0.00008"), new BigDecimal("1.00")),
            new Instrument("GBPUSD", BigDecimal.valueOf(100_000), new BigDecimal("1.27000"), new BigDecimal("0.00001"),
                    new BigDecimal("0.00010"), new BigDecimal("1.00")),
            new Instrument("AUDUSD", BigDecimal.valueOf(100_000), new BigDecimal("0.66000"), new BigDecimal("0.00001"),
                    new BigDecimal("0.00010"), new BigDecimal("1.00")),
            new Instrument("NZDUSD", BigDecimal.valueOf(100_000), new BigDecimal("0.61000"), new BigDecimal("0.00001"),
                    new BigDecimal("0.00012"), new BigDecimal("1.00")),
            new Instrument("XAUUSD", BigDecimal.valueOf(100), new BigDecimal("2300.00"), new BigDecimal("0.01"),
                    new BigDecimal("0.30"), new BigDecimal("0.50")),
            new Instrument("XAGUSD", BigDecimal.valueOf(5_000), new BigDecimal("27.000"), new BigDecimal("0.001"),
                    new BigDecimal("0.020"), new BigDecimal("0.50")),
            new Instrument("US30", BigDecimal.ONE, new BigDecimal("39000.0"), new BigDecimal("0.1"),
                    new BigDecimal("2.0"), new BigDecimal("5")),
            new Instrument("NAS100", BigDecimal.ONE, new BigDecimal("18000.0"), new BigDecimal("0.1"),
                    new BigDecimal("1.0"), new BigDecimal("10")));

    static final Instant START = Instant.parse("2026-03-02T07:00:00Z");

    private final Random random;
    private final int accounts;
    private final int symbols;
    private final int positionsPerAccount;
    private final BigDecimal[] mids;
    /** Each symbol's distance from its starting price, in ticks. */
    private final long[] offsetTicks;
    private long eventTimeMillisOffset;

    public LoadGenerator(long seed, int accounts, int symbols, int positionsPerAccount) {
        this.random = new Random(seed);
        this.accounts = accounts;
        this.symbols = Math.min(symbols, INSTRUMENTS.size());
        this.positionsPerAccount = positionsPerAccount;
        this.mids = new BigDecimal[this.symbols];
        this.offsetTicks = new long[this.symbols];
        for (int s = 0; s < this.symbols; s++) {
            mids[s] = INSTRUMENTS.get(s).start();
        }
    }

    /** The firm's configuration. */
    public static FirmConfig config() {
        TradingDay prague = new TradingDay(ZoneId.of("Europe/Prague"), LocalTime.MIDNIGHT);
        Program twoStep = new Program("two-step-100k", 1, "Two-Step 100K", "USD", 10_000_000L, prague, List.of(
                new Phase("challenge", "verification", false, List.of(
                        new Rule.ProfitTarget(percent(10), Rule.ProfitMeasure.BALANCE, true),
                        dailyLoss(5, Rule.DailyBase.BALANCE),
                        maxLoss(10, Rule.MaxLossMode.STATIC, null),
                        new Rule.MinTradingDays(4, Rule.DayCount.OPENED, new BigDecimal("0.5"), Rule.AppliesTo.PASS)),
                        null),
                new Phase("verification", "funded", false, List.of(
                        new Rule.ProfitTarget(percent(5), Rule.ProfitMeasure.BALANCE, true),
                        dailyLoss(5, Rule.DailyBase.BALANCE), maxLoss(10, Rule.MaxLossMode.STATIC, null)), null),
                new Phase("funded", null, true, List.of(
                        dailyLoss(5, Rule.DailyBase.BALANCE), maxLoss(10, Rule.MaxLossMode.STATIC, null)),
                        new PayoutPolicy(BigDecimal.valueOf(80), 14, 14, 0, true, false))));
        Program oneStep = new Program("one-step-50k", 2, "One-Step 50K", "USD", 5_000_000L,
                new TradingDay(ZoneId.of("America/New_York"), LocalTime.of(17, 0)), List.of(
                new Phase("evaluation", "funded", false, List.of(
                        new Rule.ProfitTarget(percent(10), Rule.ProfitMeasure.BALANCE, true),
                        dailyLoss(4, Rule.DailyBase.MAX), maxLoss(6, Rule.MaxLossMode.TRAILING_EOD, 0L),
                        new Rule.Consistency(BigDecimal.valueOf(40), Rule.ConsistencyBasis.NET, true,
                                Rule.ConsistencyMode.BLOCK, Rule.AppliesTo.PASS)), null),
                new Phase("funded", null, true, List.of(
                        dailyLoss(4, Rule.DailyBase.MAX), maxLoss(6, Rule.MaxLossMode.TRAILING_EOD, 0L)),
                        new PayoutPolicy(BigDecimal.valueOf(90), 7, 7, 10_000, true, true))));
        Program instant = new Program("instant-25k", 3, "Instant 25K", "USD", 2_500_000L, TradingDay.UTC_MIDNIGHT,
                List.of(new Phase("funded", null, true, List.of(
                        dailyLoss(3, Rule.DailyBase.BALANCE), maxLoss(6, Rule.MaxLossMode.TRAILING_BALANCE, 0L)),
                        new PayoutPolicy(BigDecimal.valueOf(80), 7, 14, 10_000, true, true))));
        Map<String, SymbolSpec> symbols = new java.util.HashMap<>();
        for (Instrument instrument : INSTRUMENTS) {
            symbols.put(instrument.symbol(), new SymbolSpec(instrument.symbol(), instrument.contractSize(), "USD"));
        }
        return new FirmConfig(symbols, List.of(twoStep, oneStep, instant),
                new RiskConfig(new RiskConfig.CopyTrading(5, 3), new RiskConfig.Hedging(60, true)));
    }

    private static LimitAmount percent(int percent) {
        return new LimitAmount.Percent(BigDecimal.valueOf(percent));
    }

    private static Rule.DailyLoss dailyLoss(int percent, Rule.DailyBase base) {
        return new Rule.DailyLoss(percent(percent), base, Rule.DailyAmountOf.INITIAL, true,
                Enforcement.of(Consequence.FAIL));
    }

    private static Rule.MaxLoss maxLoss(int percent, Rule.MaxLossMode mode, Long lockAtCents) {
        return new Rule.MaxLoss(percent(percent), mode, lockAtCents, Rule.MaxLossAmountOf.INITIAL,
                Rule.LossMeasure.EQUITY, Rule.OnPayout.KEEP, true, Enforcement.of(Consequence.FAIL));
    }

    static String accountId(int index) {
        return "acc-" + String.format("%06d", index);
    }

    private Instant nextTime() {
        return nextTime(3);
    }

    private Instant nextTime(int maxStepMillis) {
        eventTimeMillisOffset += 1 + random.nextInt(maxStepMillis);
        return START.plusMillis(eventTimeMillisOffset);
    }

    /** The time of the last event made so far. */
    Instant lastTime() {
        return START.plusMillis(eventTimeMillisOffset);
    }

    /** Quotes for every symbol, the accounts, and their positions. */
    public void setup(Consumer<Event> out) {
        for (int s = 0; s < symbols; s++) {
            out.accept(quote(s));
        }
        String[] programs = {"two-step-100k", "one-step-50k", "instant-25k"};
        for (int a = 0; a < accounts; a++) {
            out.accept(new Event.AccountStarted(nextTime(), null, accountId(a), null, programs[a % 3], null, null, null,
                    "trader-" + (a / 2), BigDecimal.valueOf(99 + (a % 3) * 100)));
        }
        for (int a = 0; a < accounts; a++) {
            for (int p = 0; p < positionsPerAccount; p++) {
                out.accept(open(a, p));
            }
        }
    }

    private Event.PositionOpened open(int account, int number) {
        int s = random.nextInt(symbols);
        Instrument instrument = INSTRUMENTS.get(s);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        BigDecimal lots = instrument.typicalLots().multiply(BigDecimal.valueOf(10 + random.nextInt(41)))
                .movePointLeft(2);
        BigDecimal half = instrument.spread().divide(BigDecimal.valueOf(2));
        BigDecimal price = side == Side.BUY ? mids[s].add(half) : mids[s].subtract(half);
        // Opens arrive a few per second across the firm, as on a live platform.
        return new Event.PositionOpened(nextTime(400), null, accountId(account), "p" + number + "-" + eventTimeMillisOffset,
                instrument.symbol(), side, lots, price, null, null, new BigDecimal("-3.00"));
    }

    /** The next quote of a random symbol. */
    public Event.Quote nextQuote() {
        return quote(random.nextInt(symbols));
    }

    /**
     * Moves a symbol's mid by a tick or leaves it, pulled gently back toward its starting price so
     * that, as in a real market, prices wander within a range (about ±500 ticks) instead of
     * drifting without bound over a long run.
     */
    private Event.Quote quote(int s) {
        Instrument instrument = INSTRUMENTS.get(s);
        long offset = offsetTicks[s];
        int step = random.nextInt(5) - 2; // -2..2, as often down as up
        if (random.nextInt(250_000) < Math.min(Math.abs(offset) * 2, 250_000)) {
            step = offset > 0 ? -1 : 1;
        }
        offsetTicks[s] = offset + step;
        mids[s] = instrument.start().add(instrument.tick().multiply(BigDecimal.valueOf(offsetTicks[s])));
        BigDecimal half = instrument.spread().divide(BigDecimal.valueOf(2));
        return new Event.Quote(nextTime(), null, instrument.symbol(), mids[s].subtract(half), mids[s].add(half));
    }

    /**
     * The main stream: quotes, and with probability {@code tradeShare} a trade instead: an
     * account closes one of its positions and opens another (so holdings stay constant).
     */
    public void stream(long events, double tradeShare, Consumer<Event> out) {
        List<List<String>> open = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            open.add(new ArrayList<>());
        }
        // The setup opened positions p0..; the stream tracks only the ones it opens itself.
        for (long n = 0; n < events; n++) {
            if (random.nextDouble() >= tradeShare) {
                out.accept(nextQuote());
                continue;
            }
            int a = random.nextInt(accounts);
            List<String> held = open.get(a);
            if (!held.isEmpty() && random.nextBoolean()) {
                String position = held.remove(random.nextInt(held.size()));
                int s = Integer.parseInt(position.substring(1, position.indexOf('-')));
                out.accept(new Event.PositionClosed(nextTime(), null, accountId(a), position, mids[s], null, null,
                        new BigDecimal("-3.00"), null));
            } else {
                Event.PositionOpened opened = open(a, 0);
                int s = symbolIndex(opened.symbol());
                String id = "s" + s + "-" + n;
                out.accept(new Event.PositionOpened(opened.time(), null, opened.account(), id, opened.symbol(),
                        opened.side(), opened.lots(), opened.price(), null, null, opened.commission()));
                held.add(id);
            }
        }
    }

    private int symbolIndex(String symbol) {
        for (int s = 0; s < symbols; s++) {
            if (INSTRUMENTS.get(s).symbol().equals(symbol)) {
                return s;
            }
        }
        throw new IllegalArgumentException(symbol);
    }
}
