package dev.propos.server.payments;

import dev.propos.server.security.PropOsUser;
import dev.propos.server.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The bank's status reports (pain.002) and statements (camt.053/054), handed in by FINANCE or read from the inbox, and what was done with them. */
@RestController
@Tag(name = "payments")
class StatusReportController {

    private final StatusReportImport reports;
    private final StatusReportStore received;

    StatusReportController(StatusReportImport reports, StatusReportStore received) {
        this.reports = reports;
        this.received = received;
    }

    @PostMapping(path = "/api/payments/status-reports", consumes = {"application/xml", "text/xml", "text/plain"})
    @Operation(summary = "Import a bank's pain.002 status report or camt.053/054 statement: settled payments are paid, rejected or returned ones fail and are tried again")
    StatusReportImport.Imported importReport(@RequestBody String xml, @AuthenticationPrincipal PropOsUser user) {
        try {
            return reports.importReport(xml, "api:" + user.name());
        } catch (BankFileException e) {
            throw ApiException.badRequest("status report refused (kept for inspection): " + e.getMessage());
        }
    }

    @GetMapping(path = "/api/payments/status-reports/{id}/document", produces = "application/xml")
    @Operation(summary = "A received file as it came, read or refused (for inspection)")
    String document(@PathVariable long id) {
        return received.document(id).orElseThrow(() -> ApiException.notFound("no status report " + id));
    }

    @GetMapping("/api/payments/status-reports")
    @Operation(summary = "The latest status reports received, newest first, with what was done for each payment")
    List<StatusReportStore.ReceivedReport> latest(@RequestParam(defaultValue = "50") int limit) {
        return received.latest(Math.clamp(limit, 1, 500));
    }
}
