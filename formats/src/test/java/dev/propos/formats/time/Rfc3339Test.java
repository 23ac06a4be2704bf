package dev.propos.formats.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

    @ParameterizedTest
    @CsvSource({
            "2026-03-02T09:15:00Z, 2026-03-02T09:15:00Z",
            "2026-03-02T09:15:00.250Z, 2026-03-02T09:15:00.250Z",
            "2026-03-02T09:15:00.25Z, 2026-03-02T09:15:00.250Z",
            "2026-03-02T09:15:00.2Z, 2026-03-02T09:15:00.200Z",
            "2024-02-29T23:59:59.999Z, 2024-02-29T23:59:59.999Z",
            "2000-02-29T00:00:00Z, 2000-02-29T00:00:00Z",
            "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z, 1969-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.001Z, 9999-12-31T23:59:59.001Z"})
    void parsesTheSpecFormat(String text, String sameInstant) {
        assertThat(Rfc3339.parseOrNull(text)).isEqualTo(Instant.parse(sameInstant));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-03-02T09:15:00", "2026-03-02T09:15:00+00:00", "2026-03-02 09:15:00Z", "2026-03-02T09:15Z",
            "2026-03-02T09:15:00.2500Z", "2026-03-02T09:15:00.Z", "2026-03-02T09:15:00,250Z", "2026-3-02T09:15:00Z",
            "2026-13-02T09:15:00Z", "2026-00-02T09:15:00Z", "2026-02-29T09:15:00Z", "1900-02-29T00:00:00Z",
            "2026-04-31T09:15:00Z", "2026-03-02T24:00:00Z", "2026-03-02T09:60:00Z", "2026-03-02T09:15:60Z",
            "2026-03-02t09:15:00z", "+2026-03-02T09:15:00Z", "2026-03-02T09:15:00.-50Z", "", "yesterday"})
    void rejectsEverythingElse(String text) {
        assertThat(Rfc3339.parseOrNull(text)).isNull();
    }

    @Test
    void printsMillisecondsOnlyWhenNotZero() {
        assertThat(Rfc3339.format(Instant.parse("2026-03-02T23:00:00Z"))).isEqualTo("2026-03-02T23:00:00Z");
        assertThat(Rfc3339.format(Instant.parse("2026-03-02T23:00:00.050Z"))).isEqualTo("2026-03-02T23:00:00.050Z");
        assertThat(Rfc3339.format(Instant.parse("2026-03-02T23:00:00.000999Z"))).isEqualTo("2026-03-02T23:00:00Z");
    }

    @Test
    void formatAndParseAgreeWithJavaTime() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_135_596_800_000L, 253_402_300_799_999L));
            String text = Rfc3339.format(instant);
            assertThat(Instant.parse(text)).isEqualTo(instant);
            assertThat(Rfc3339.parseOrNull(text)).isEqualTo(instant);
        }
    }

    @Test
    void refusesYearsItCannotWrite() {
        assertThatThrownBy(() -> Rfc3339.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
