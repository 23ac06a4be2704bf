package dev.propos.server.journal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The journal for replay and inspection, and the lines ingest refused. */
@RestController
@RequestMapping("/api/journal")
@Tag(name = "journal")
class JournalController {

    /** A refused line, as kept for inspection. */
    record RejectedEvent(long id, java.time.Instant receivedAt, String source, int line, String text, String reason) {
    }

    private final JournalExport export;
    private final JdbcClient jdbc;

    JournalController(JournalExport export, JdbcClient jdbc) {
        this.export = export;
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/events", produces = "application/x-ndjson")
    @Operation(summary = "The journal's events after a position, as JSON Lines that `propos evaluate` replays")
    ResponseEntity<StreamingResponseBody> events(@RequestParam(defaultValue = "0") long after) {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            export.write(after, writer);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    @GetMapping("/rejected")
    @Operation(summary = "Lines ingest refused, newest first, with their reason")
    List<RejectedEvent> rejected(@RequestParam(defaultValue = "100") int limit) {
        return jdbc.sql("select id, received_at, source, line_number, line, reason from rejected_events order by id desc limit ?")
                .param(Math.min(limit, 10_000))
                .query((rs, row) -> new RejectedEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
    }
}
