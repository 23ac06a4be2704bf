package dev.propos.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    private final SeenIds ids = new SeenIds();

    @Test
    void anIdIsADuplicateForTwentyFourHoursInclusive() {
        ids.remember("deal-1", Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(ids.isDuplicate("deal-1", Instant.parse("2026-03-03T10:00:00Z"))).isTrue();
        assertThat(ids.isDuplicate("deal-1", Instant.parse("2026-03-03T10:00:00.001Z"))).isFalse();
        assertThat(ids.isDuplicate("deal-2", Instant.parse("2026-03-02T10:00:00Z"))).isFalse();
    }

    @Test
    void oldIdsAreForgotten() {
        ids.remember("deal-1", Instant.parse("2026-03-02T10:00:00Z"));
        ids.remember("deal-2", Instant.parse("2026-03-04T10:00:00Z"));
        assertThat(ids.isDuplicate("deal-1", Instant.parse("2026-03-02T10:00:00Z"))).isFalse();
        assertThat(ids.isDuplicate("deal-2", Instant.parse("2026-03-04T10:00:00Z"))).isTrue();
    }
}
