package dev.propos.server.programs;

import dev.propos.engine.config.Program;
import dev.propos.formats.config.ConfigException;
import dev.propos.server.audit.Audit;
import dev.propos.server.journal.JournalStore;
import dev.propos.server.journal.JournalWriter;
import dev.propos.server.web.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Programs as versioned data: a firm configuration document (spec/programs.md YAML) is imported
 * into the journal and applies from there on. A program version, once imported, never changes;
 * a new version is a new entry, and an account keeps the version it started on.
 */
@RestController
@RequestMapping("/api/programs")
@Tag(name = "programs")
class ProgramController {

    record ProgramVersion(String id, int version, String name, String currency, String initialBalance,
                          List<String> phases) {
        static ProgramVersion of(Program program) {
            return new ProgramVersion(program.id(), program.version(), program.name(), program.currency(),
                    dev.propos.engine.money.Money.format(program.initialBalanceCents()),
                    program.phases().stream().map(dev.propos.engine.config.Phase::id).toList());
        }
    }

    record Imported(long configId, long journalSeq, List<ProgramVersion> programs) {
    }

    record ConfigDocumentInfo(long id, java.time.Instant importedAt, String importedBy, String sourceName) {
    }

    private final JournalWriter journal;
    private final JournalStore store;
    private final Audit audit;

    ProgramController(JournalWriter journal, JournalStore store, Audit audit) {
        this.journal = journal;
        this.store = store;
        this.audit = audit;
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain", "application/json"})
    @Operation(summary = "Import a firm configuration document: symbols, programs (new versions), risk")
    ResponseEntity<?> importDocument(@RequestBody String yaml, @RequestParam(defaultValue = "programs.yaml") String name,
                                     Principal principal) throws InterruptedException {
        try {
            String actor = principal == null ? "system" : principal.getName();
            JournalWriter.ConfigImported imported = journal.importConfig(actor, name, yaml).get(30, TimeUnit.SECONDS);
            List<ProgramVersion> programs = imported.config().programs().stream().map(ProgramVersion::of).toList();
            // After the fact: the journal holds the document itself, the audit says who brought it.
            audit.record(actor, Audit.PROGRAMS_IMPORTED, name, Audit.detail("config_id", imported.configId(),
                    "journal_seq", imported.seq()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(imported.configId(), imported.seq(), programs));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConfigException invalid) {
                return ResponseEntity.badRequest().body(new ApiError(invalid.getMessage()));
            }
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError("the journal did not answer in time"));
        }
    }

    @GetMapping
    @Operation(summary = "Every program version, by id then version")
    List<ProgramVersion> programs() {
        return journal.config().programs().stream()
                .sorted(Comparator.comparing(Program::id).thenComparingInt(Program::version))
                .map(ProgramVersion::of).toList();
    }

    @GetMapping("/documents")
    @Operation(summary = "The configuration documents imported, in order")
    List<ConfigDocumentInfo> documents() {
        return store.configDocuments().stream()
                .map(d -> new ConfigDocumentInfo(d.id(), d.importedAt(), d.importedBy(), d.sourceName())).toList();
    }

    @GetMapping(value = "/documents/{id}", produces = "application/yaml")
    @Operation(summary = "One configuration document as imported")
    ResponseEntity<String> document(@PathVariable long id) {
        return store.configDocuments().stream().filter(d -> d.id() == id).findFirst()
                .map(d -> ResponseEntity.ok(d.yaml()))
                .orElse(ResponseEntity.notFound().build());
    }
}
