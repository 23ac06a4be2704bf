package dev.propos.formats.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propos.engine.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsScannerTest {

    private static List<Event.News> scan(String text) {
        List<Event.News> calendar = new ArrayList<>();
        try {
            NewsScanner.scan("events.jsonl", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), (news, line) -> calendar.add(news));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calendar;
    }

    @Test
    void findsNewsLinesWhereverTheyStand() {
        List<Event.News> calendar = scan("""
                {"type":"clock","time":"2026-03-02T09:00:00Z"}
                {"type":"news","time":"2026-03-02T13:30:00Z","currencies":["USD"],"impact":"high","title":"NFP"}
                # {"type":"news","time":"2026-03-02T13:30:00Z","currencies":["EUR"],"impact":"high"}
                {"type":"quote","time":"2026-03-02T09:01:00Z","symbol":"EURUSD","bid":1,"ask":1}
                {"type": "news", "time":"2026-03-01T08:00:00Z","currencies":["JPY"],"impact":"low"}
                """);

        assertThat(calendar).extracting(Event.News::title).containsExactly("NFP", null);
        assertThat(calendar).extracting(n -> n.currencies().getFirst()).containsExactly("USD", "JPY");
    }

    @Test
    void reportsEachEntrysLine() throws IOException {
        List<Integer> lines = new ArrayList<>();
        NewsScanner.scan("e", new ByteArrayInputStream("""
                # calendar

                {"type":"news","time":"2026-03-02T13:30:00Z","currencies":["USD"],"impact":"high"}
                {"type":"news","time":"2026-03-02T15:00:00Z","currencies":["USD"],"impact":"low"}
                """.getBytes(StandardCharsets.UTF_8)), (news, line) -> lines.add(line));

        assertThat(lines).containsExactly(3, 4);
    }

    @Test
    void leavesOtherErrorsToTheMainPass() {
        List<Event.News> calendar = scan("""
                not json at all
                {"type":"clock"}
                {"type":"account_started","time":"2026-03-02T09:00:00Z","account":"news"}
                {"type":"position_opened","title":"news"}
                {"type":"news","time":"2026-03-02T13:30:00Z","currencies":["USD"],"impact":"high"
                {"type":"news","time":"2026-03-02T13:30:00Z","currencies":["USD"],"impact":"high"}
                """);

        assertThat(calendar).hasSize(1);
    }

    @Test
    void reportsAnInvalidNewsLine() {
        assertThatThrownBy(() -> scan("""
                {"type":"clock","time":"2026-03-02T09:00:00Z"}

                {"type":"news","time":"2026-03-02T13:30:00Z","currencies":["USD"],"impact":"huge"}
                """))
                .isInstanceOf(EventFormatException.class)
                .hasMessage("events.jsonl:3: news: field \"impact\" must be low, medium or high, got \"huge\"");
    }
}
