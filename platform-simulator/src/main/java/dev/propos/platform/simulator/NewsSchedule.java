package dev.propos.platform.simulator;

import dev.propos.engine.event.Impact;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated economic calendar: a pure function of the seed and the week. Each week has two to
 * four high-impact USD or EUR releases (CPI, payrolls, rate decisions ...), sometimes a GBP or JPY
 * one, the weekly jobless claims and a few medium and low ones, at their usual UTC times.
 */
final class NewsSchedule {

    private record Template(DayOfWeek day, LocalTime timeUtc, String currency, Impact impact, String title,
                            int durationMinutes) {
    }

    private static Template at(DayOfWeek day, int hour, int minute, String currency, Impact impact, String title) {
        return new Template(day, LocalTime.of(hour, minute), currency, impact, title, 0);
    }

    private static Template speech(DayOfWeek day, int hour, int minute, String currency, String title,
                                   int durationMinutes) {
        return new Template(day, LocalTime.of(hour, minute), currency, Impact.HIGH, title, durationMinutes);
    }

    /** Groups released together (a rate decision and its press conference); a week picks groups. */
    private static final List<List<Template>> MAJOR_USD_EUR = List.of(
            List.of(at(DayOfWeek.TUESDAY, 12, 30, "USD", Impact.HIGH, "US CPI")),
            List.of(at(DayOfWeek.FRIDAY, 12, 30, "USD", Impact.HIGH, "US Non-Farm Payrolls")),
            List.of(at(DayOfWeek.WEDNESDAY, 18, 0, "USD", Impact.HIGH, "FOMC Rate Decision"),
                    speech(DayOfWeek.WEDNESDAY, 18, 30, "USD", "FOMC Press Conference", 45)),
            List.of(at(DayOfWeek.THURSDAY, 12, 30, "USD", Impact.HIGH, "US GDP Advance")),
            List.of(at(DayOfWeek.WEDNESDAY, 12, 30, "USD", Impact.HIGH, "US Retail Sales")),
            List.of(speech(DayOfWeek.TUESDAY, 14, 0, "USD", "Fed Chair Testimony", 90)),
            List.of(at(DayOfWeek.THURSDAY, 12, 15, "EUR", Impact.HIGH, "ECB Rate Decision"),
                    speech(DayOfWeek.THURSDAY, 12, 45, "EUR", "ECB Press Conference", 60)),
            List.of(at(DayOfWeek.TUESDAY, 9, 0, "EUR", Impact.HIGH, "Eurozone CPI Flash")));

    private static final List<List<Template>> MAJOR_OTHER = List.of(
            List.of(at(DayOfWeek.THURSDAY, 11, 0, "GBP", Impact.HIGH, "BoE Rate Decision")),
            List.of(at(DayOfWeek.TUESDAY, 3, 0, "JPY", Impact.HIGH, "BoJ Rate Decision")),
            List.of(at(DayOfWeek.WEDNESDAY, 6, 0, "GBP", Impact.HIGH, "UK CPI")));

    private static final Template JOBLESS_CLAIMS =
            at(DayOfWeek.THURSDAY, 12, 30, "USD", Impact.MEDIUM, "US Initial Jobless Claims");

    private static final List<Template> MINOR = List.of(
            at(DayOfWeek.MONDAY, 14, 0, "USD", Impact.MEDIUM, "US ISM Manufacturing PMI"),
            at(DayOfWeek.TUESDAY, 9, 0, "EUR", Impact.MEDIUM, "German ZEW Economic Sentiment"),
            at(DayOfWeek.WEDNESDAY, 14, 0, "USD", Impact.MEDIUM, "US ISM Services PMI"),
            at(DayOfWeek.MONDAY, 7, 0, "EUR", Impact.LOW, "German Factory Orders"),
            at(DayOfWeek.FRIDAY, 14, 0, "USD", Impact.LOW, "US Michigan Consumer Sentiment"),
            at(DayOfWeek.TUESDAY, 23, 50, "JPY", Impact.LOW, "Japan Trade Balance"));

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");
    /** Monday 1970-01-05 is epoch day 4: weeks are counted from it. */
    private static final long FIRST_MONDAY_EPOCH_DAY = 4;
    private static final int WEEKS_KEPT = 8;

    private final long seed;
    private final Map<Long, List<NewsRelease>> weeks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<NewsRelease>> eldest) {
            return size() > WEEKS_KEPT;
        }
    };

    NewsSchedule(long seed) {
        this.seed = seed;
    }

    /** The releases timed after {@code fromExclusive} and at or before {@code toInclusive}, by time then id. */
    List<NewsRelease> between(Instant fromExclusive, Instant toInclusive) {
        List<NewsRelease> found = new ArrayList<>();
        for (long week = weekOf(fromExclusive); week <= weekOf(toInclusive); week++) {
            for (NewsRelease release : week(week)) {
                if (release.time().isAfter(fromExclusive) && !release.time().isAfter(toInclusive)) {
                    found.add(release);
                }
            }
        }
        return found;
    }

    /** Whether a high-impact release concerning {@code symbol} is within {@code margin} of {@code instant}. */
    boolean highImpactNear(SimulatedSymbol symbol, Instant instant, Duration margin) {
        for (NewsRelease release : between(instant.minus(margin).minus(Duration.ofHours(2)), instant.plus(margin))) {
            if (release.impact() == Impact.HIGH && release.concerns(symbol)
                    && !instant.isBefore(release.time().minus(margin))
                    && !instant.isAfter(release.lastInstant().plus(margin))) {
                return true;
            }
        }
        return false;
    }

    private static long weekOf(Instant instant) {
        return Math.floorDiv(Math.floorDiv(instant.getEpochSecond(), 86_400) - FIRST_MONDAY_EPOCH_DAY, 7);
    }

    private List<NewsRelease> week(long week) {
        return weeks.computeIfAbsent(week, this::generate);
    }

    private List<NewsRelease> generate(long week) {
        SplittableRandom random = Randomness.stream(seed, "news", week);
        LocalDate monday = LocalDate.ofEpochDay(FIRST_MONDAY_EPOCH_DAY + week * 7);
        List<Template> chosen = new ArrayList<>();
        pick(random, MAJOR_USD_EUR, 2 + random.nextInt(3)).forEach(chosen::addAll);
        if (random.nextInt(2) == 0) {
            pick(random, MAJOR_OTHER, 1).forEach(chosen::addAll);
        }
        chosen.add(JOBLESS_CLAIMS);
        for (Template minor : MINOR) {
            if (random.nextInt(2) == 0) {
                chosen.add(minor);
            }
        }
        List<NewsRelease> releases = new ArrayList<>();
        for (Template template : chosen) {
            Instant time = monday.with(java.time.temporal.TemporalAdjusters.nextOrSame(template.day()))
                    .atTime(template.timeUtc()).toInstant(ZoneOffset.UTC);
            Instant end = template.durationMinutes() > 0 ? time.plus(Duration.ofMinutes(template.durationMinutes()))
                    : null;
            String id = "sim-news-" + ID_TIME.format(time.atZone(ZoneOffset.UTC)) + "-" + slug(template.title());
            releases.add(new NewsRelease(time, id, List.of(template.currency()), template.impact(), template.title(),
                    end));
        }
        releases.sort(Comparator.comparing(NewsRelease::time).thenComparing(NewsRelease::id));
        return List.copyOf(releases);
    }

    private static <T> List<T> pick(SplittableRandom random, List<T> from, int count) {
        List<T> pool = new ArrayList<>(from);
        List<T> picked = new ArrayList<>();
        while (picked.size() < count && !pool.isEmpty()) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
