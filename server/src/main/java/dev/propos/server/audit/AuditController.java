package dev.propos.server.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for administrators: who changed what, newest first. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit")
class AuditController {

    /** One audit record; {@code detail} is the JSON object recorded with it. */
    record AuditEntry(long id, Instant at, String actor, String action, String subject, @JsonRawValue String detail) {
    }

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "Audit records, newest first, optionally of one subject (an account, a trader, a user) or action")
    List<AuditEntry> entries(@RequestParam(required = false) String subject,
                             @RequestParam(required = false) String action,
                             @RequestParam(defaultValue = "100") int limit) {
        return jdbc.sql("""
                select id, at, actor, action, subject, detail from audit_log
                where (cast(? as text) is null or subject = ?) and (cast(? as text) is null or action = ?)
                order by id desc limit ?""")
                .params(subject, subject, action, action, Math.clamp(limit, 1, 10_000))
                .query((rs, row) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }
}
