package dev.propos.server.evaluation;

import dev.propos.server.journal.JournalStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The engine's record: every decision in journal order, and how far evaluation has come. */
@RestController
@RequestMapping("/api/engine")
@Tag(name = "engine")
class EvaluationController {

    /** How far the journal and the engine are: equal when every journaled entry has been evaluated. */
    record Progress(long journalSeq, long evaluatedSeq) {
    }

    private final EngineHost engine;
    private final JournalStore journal;
    private final JdbcTemplate jdbc;

    EvaluationController(EngineHost engine, JournalStore journal, JdbcTemplate jdbc) {
        this.engine = engine;
        this.journal = journal;
        this.jdbc = jdbc;
    }

    @GetMapping("/progress")
    @Operation(summary = "The last journal entry the engine has evaluated")
    Progress progress() {
        long evaluated = engine.lastSeq();
        return new Progress(journal.lastPosition().seq(), evaluated);
    }

    @GetMapping(value = "/decisions", produces = "application/x-ndjson")
    @Operation(summary = "Decisions after a journal position, as JSON Lines exactly as `propos evaluate` prints them")
    ResponseEntity<StreamingResponseBody> decisions(@RequestParam(defaultValue = "0") long after) {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            jdbc.query(connection -> {
                connection.setAutoCommit(false);
                var statement = connection.prepareStatement(
                        "select line from decisions where seq > ? order by seq, ordinal");
                statement.setLong(1, after);
                statement.setFetchSize(5000);
                return statement;
            }, rs -> {
                try {
                    writer.write(rs.getString(1));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }
}
