package dev.propos.server.ingest;

import dev.propos.server.journal.IncomingLine;
import dev.propos.server.web.ApiError;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.journal.LineOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platform events in: JSON Lines or a JSON array, acknowledged once durable. */
@RestController
@RequestMapping("/api/events")
@Tag(name = "ingest")
class IngestController {

    /** One line's outcome; {@code reason} only for a rejected line. */
    record LineResult(int line, String status, String id, String reason) {
    }

    record IngestResponse(int accepted, int duplicates, int rejected, List<LineResult> lines) {
    }

    private final JournalWriter journal;

    IngestController(JournalWriter journal) {
        this.journal = journal;
    }

    @PostMapping(consumes = {"application/x-ndjson", "application/jsonl", "application/json", "text/plain"})
    @Operation(summary = "Ingest events (spec/events.md) as JSON Lines or a JSON array",
            description = "Every event needs an id. Accepted events are durable when this answers; a resent id is a "
                    + "duplicate and changes nothing; a rejected line is kept in the rejected events with its reason, "
                    + "and does not stop its neighbours.")
    ResponseEntity<?> ingest(@RequestBody byte[] body, Principal principal) throws InterruptedException {
        List<IncomingLine> lines;
        try {
            lines = RequestLines.read(body);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new ApiError(e.getMessage()));
        }
        String source = "api:" + (principal == null ? "anonymous" : principal.getName());
        List<LineOutcome> outcomes;
        try {
            outcomes = journal.submit(source, lines).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ApiError("the events were not stored; send them again: " + e.getMessage()));
        }
        return ResponseEntity.ok(response(outcomes));
    }

    private static IngestResponse response(List<LineOutcome> outcomes) {
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (LineOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        List<LineResult> results = outcomes.stream()
                .map(o -> new LineResult(o.line(), o.status().name().toLowerCase(Locale.ROOT), o.id(), o.reason()))
                .toList();
        return new IngestResponse(accepted, duplicates, rejected, results);
    }
}
