package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Scenarios.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.event.Event;
import dev.propos.engine.event.Event.Clock;
import dev.propos.engine.event.Event.News;
import dev.propos.engine.event.Event.Quote;
import dev.propos.engine.event.Impact;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quotes, clock and calendar of a market left to itself for four weeks. */
class MarketTest {

    private static final Map<String, SimulatedSymbol> SYMBOLS = SimulatedSymbols.standardSet().stream()
            .collect(Collectors.toMap(SimulatedSymbol::name, Function.identity()));
    private static List<Event> events;

    @BeforeAll
    static void fourWeeks() {
        events = Scenarios.run(Scenarios.simulator(3, List.of()), Duration.ofDays(28), Duration.ofHours(6));
    }

    @Test
    void quotes_have_the_symbols_digits_a_positive_spread_and_believable_prices() {
        List<Quote> quotes = Scenarios.ofType(events, Quote.class);

        assertThat(quotes).extracting(Quote::symbol).containsAll(SYMBOLS.keySet());
        assertThat(quotes).allSatisfy(quote -> {
            SimulatedSymbol symbol = SYMBOLS.get(quote.symbol());
            assertThat(quote.bid().scale()).isEqualTo(symbol.digits());
            assertThat(quote.ask().scale()).isEqualTo(symbol.digits());
            assertThat(symbol.points(quote.ask()) - symbol.points(quote.bid())).isGreaterThanOrEqualTo(symbol.spreadPoints());
            // Four weeks of a random walk stay within a third of the initial price.
            BigDecimal initial = symbol.initialPrice();
            assertThat(quote.bid()).isBetween(initial.multiply(new BigDecimal("0.67")),
                    initial.multiply(new BigDecimal("1.33")));
        });
    }

    @Test
    void prices_move_with_the_volatility_of_their_symbol() {
        Map<String, List<Quote>> bySymbol = Scenarios.ofType(events, Quote.class).stream()
                .collect(Collectors.groupingBy(Quote::symbol));
        double eurusd = dailyVolatility(bySymbol.get("EURUSD"));
        double btcusd = dailyVolatility(bySymbol.get("BTCUSD"));

        assertThat(eurusd).isBetween(0.3, 0.8);
        assertThat(btcusd).isBetween(2.0, 4.5);
    }

    @Test
    void fx_gold_and_indices_close_for_the_weekend_and_bitcoin_does_not() {
        Instant fridayClose = Instant.parse("2026-03-06T22:00:00Z");
        Instant sundayOpen = Instant.parse("2026-03-08T22:00:00Z");
        List<Quote> weekend = Scenarios.ofType(events, Quote.class).stream()
                .filter(q -> !q.time().isBefore(fridayClose) && q.time().isBefore(sundayOpen))
                .toList();

        assertThat(weekend).isNotEmpty().allSatisfy(q -> assertThat(q.symbol()).isEqualTo("BTCUSD"));
        assertThat(Scenarios.ofType(events, Quote.class)).filteredOn(q -> q.symbol().equals("EURUSD"))
                .anySatisfy(q -> assertThat(q.time()).isEqualTo(sundayOpen));
    }

    @Test
    void gold_and_indices_pause_an_hour_every_night() {
        assertThat(Scenarios.ofType(events, Quote.class))
                .filteredOn(q -> q.symbol().equals("XAUUSD") || q.symbol().equals("NAS100"))
                .noneMatch(q -> q.time().atZone(ZoneOffset.UTC).getHour() == 22);
        assertThat(Scenarios.ofType(events, Quote.class))
                .filteredOn(q -> q.symbol().equals("EURUSD"))
                .anyMatch(q -> q.time().atZone(ZoneOffset.UTC).getHour() == 22
                        && q.time().atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.TUESDAY);
    }

    @Test
    void a_clock_event_every_five_minutes_without_a_gap() {
        List<Clock> clocks = Scenarios.ofType(events, Clock.class);

        assertThat(clocks.getFirst().time()).isEqualTo(MONDAY);
        for (int i = 1; i < clocks.size(); i++) {
            assertThat(Duration.between(clocks.get(i - 1).time(), clocks.get(i).time())).isEqualTo(Duration.ofMinutes(5));
        }
        assertThat(clocks).extracting(Event::id).doesNotHaveDuplicates();
    }

    @Test
    void high_impact_usd_and_eur_news_a_few_times_a_week_published_a_day_ahead() {
        List<News> news = Scenarios.ofType(events, News.class);
        List<News> major = news.stream()
                .filter(n -> n.impact() == Impact.HIGH && (n.currencies().contains("USD") || n.currencies().contains("EUR")))
                .toList();

        assertThat(news).extracting(Event::id).doesNotHaveDuplicates();
        Set<Long> weeksWithTwo = new HashSet<>();
        major.stream().collect(Collectors.groupingBy(n -> weekOf(n.time()), Collectors.counting()))
                .forEach((week, count) -> {
                    if (count >= 2) {
                        weeksWithTwo.add(week);
                    }
                });
        assertThat(weeksWithTwo).hasSizeGreaterThanOrEqualTo(3);
        assertThat(news).allSatisfy(n -> {
            assertThat(n.knownFrom()).isBefore(n.time());
            assertThat(Duration.between(n.knownFrom(), n.time())).isLessThanOrEqualTo(Duration.ofHours(24));
        });
        assertThat(news).filteredOn(n -> n.knownFrom().isAfter(MONDAY))
                .allSatisfy(n -> assertThat(Duration.between(n.knownFrom(), n.time()))
                        .isGreaterThan(Duration.ofHours(23)));
    }

    @Test
    void spreads_widen_around_high_impact_news() {
        News release = Scenarios.ofType(events, News.class).stream()
                .filter(n -> n.impact() == Impact.HIGH && n.currencies().contains("USD") && n.endTime() == null)
                .filter(n -> n.time().atZone(ZoneOffset.UTC).getMinute() == 30)
                .findFirst().orElseThrow();
        SimulatedSymbol gold = SYMBOLS.get("XAUUSD");

        Quote atRelease = Scenarios.ofType(events, Quote.class).stream()
                .filter(q -> q.symbol().equals("XAUUSD") && q.time().equals(release.time()))
                .findFirst().orElseThrow();

        assertThat(gold.points(atRelease.ask()) - gold.points(atRelease.bid())).isEqualTo(gold.spreadPoints() * 3);
    }

    @Test
    void events_other_than_the_calendar_come_in_time_order_with_unique_ids() {
        Instant previous = Instant.MIN;
        for (Event event : events) {
            if (!(event instanceof News)) {
                assertThat(event.time()).isAfterOrEqualTo(previous);
                previous = event.time();
            }
        }
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
    }

    @Test
    void trading_hours_follow_the_usual_utc_week() {
        assertThat(TradingHours.FOREX.isOpen(Instant.parse("2026-03-06T21:59:59Z"))).isTrue();
        assertThat(TradingHours.FOREX.isOpen(Instant.parse("2026-03-06T22:00:00Z"))).isFalse();
        assertThat(TradingHours.FOREX.isOpen(Instant.parse("2026-03-07T12:00:00Z"))).isFalse();
        assertThat(TradingHours.FOREX.isOpen(Instant.parse("2026-03-08T21:59:59Z"))).isFalse();
        assertThat(TradingHours.FOREX.isOpen(Instant.parse("2026-03-08T22:00:00Z"))).isTrue();
        assertThat(TradingHours.CFD.isOpen(Instant.parse("2026-03-08T22:30:00Z"))).isFalse();
        assertThat(TradingHours.CFD.isOpen(Instant.parse("2026-03-10T22:30:00Z"))).isFalse();
        assertThat(TradingHours.CFD.isOpen(Instant.parse("2026-03-10T23:00:00Z"))).isTrue();
        assertThat(TradingHours.ALWAYS.isOpen(Instant.parse("2026-03-07T12:00:00Z"))).isTrue();
    }

    private static long weekOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() / 86_400 - 4, 7);
    }

    /** The standard deviation of daily log returns, in percent, from quotes a minute apart (trading minutes only). */
    private static double dailyVolatility(List<Quote> quotes) {
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (int i = 1; i < quotes.size(); i++) {
            if (Duration.between(quotes.get(i - 1).time(), quotes.get(i).time()).toMinutes() != 1) {
                continue; // a closure: a gap, not a minute
            }
            double r = Math.log(mid(quotes.get(i)) / mid(quotes.get(i - 1)));
            sum += r;
            sumSquares += r * r;
            n++;
        }
        double variance = sumSquares / n - (sum / n) * (sum / n);
        return Math.sqrt(variance * 1440) * 100;
    }

    private static double mid(Quote quote) {
        return quote.bid().add(quote.ask()).doubleValue() / 2;
    }
}
