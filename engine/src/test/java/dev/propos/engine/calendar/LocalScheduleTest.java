package dev.propos.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalScheduleTest {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void midnightPragueMovesWithSummerTime() {
        // Winter: midnight Prague is 23:00Z; after 29 March 2026 it is 22:00Z.
        assertThat(LocalSchedule.nextDaily(PRAGUE, LocalTime.MIDNIGHT, Instant.parse("2026-03-02T08:00:00Z")))
                .isEqualTo("2026-03-02T23:00:00Z");
        assertThat(LocalSchedule.nextDaily(PRAGUE, LocalTime.MIDNIGHT, Instant.parse("2026-03-29T12:00:00Z")))
                .isEqualTo("2026-03-29T22:00:00Z");
    }

    @Test
    void aBoundaryIsStrictlyAfterTheGivenInstant() {
        assertThat(LocalSchedule.nextDaily(PRAGUE, LocalTime.MIDNIGHT, Instant.parse("2026-03-02T23:00:00Z")))
                .isEqualTo("2026-03-03T23:00:00Z");
    }

    @Test
    void aStartInTheSpringGapMovesForwardByTheGap() {
        // 29 March 2026 in Prague: 02:00 jumps to 03:00, so 02:30 happens at 03:30 CEST = 01:30Z.
        assertThat(LocalSchedule.nextDaily(PRAGUE, LocalTime.of(2, 30), Instant.parse("2026-03-28T12:00:00Z")))
                .isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void aStartInTheAutumnOverlapTakesTheEarlierInstant() {
        // 25 October 2026 in Prague: 02:30 happens twice (CEST, then CET); the first is 00:30Z.
        assertThat(LocalSchedule.nextDaily(PRAGUE, LocalTime.of(2, 30), Instant.parse("2026-10-24T12:00:00Z")))
                .isEqualTo("2026-10-25T00:30:00Z");
    }

    @Test
    void newYorkFivePmAcrossTheMarchChange() {
        // 8 March 2026: EST (UTC-5) becomes EDT (UTC-4).
        assertThat(LocalSchedule.nextDaily(NEW_YORK, LocalTime.of(17, 0), Instant.parse("2026-03-06T23:00:00Z")))
                .isEqualTo("2026-03-07T22:00:00Z");
        assertThat(LocalSchedule.nextDaily(NEW_YORK, LocalTime.of(17, 0), Instant.parse("2026-03-07T22:00:00Z")))
                .isEqualTo("2026-03-08T21:00:00Z");
    }

    @Test
    void weeklyCutoffOnFridayEvening() {
        assertThat(LocalSchedule.nextWeekly(PRAGUE, DayOfWeek.FRIDAY, LocalTime.of(21, 0),
                Instant.parse("2026-03-02T08:00:00Z"))).isEqualTo("2026-03-06T20:00:00Z");
        assertThat(LocalSchedule.nextWeekly(PRAGUE, DayOfWeek.FRIDAY, LocalTime.of(21, 0),
                Instant.parse("2026-03-06T20:00:00Z"))).isEqualTo("2026-03-13T20:00:00Z");
    }
}
