package dev.propos.server.accounts;

import dev.propos.server.reactions.Enrollments;
import java.time.Instant;
import java.util.List;

/**
 * One account: what it runs (program version, phase), its status, its figures as of {@code asOf}
 * (the firm's time as far as the engine has evaluated), the live status of its rules, and its
 * enrollment when it was enrolled through PropOS. An account still {@code enrolling} has no figures.
 *
 * @param rules the phase's rules with their live values (see {@link LiveAccounts#ruleStatus}); null
 *              until the engine gives them
 */
public record AccountDetail(String account, String trader, String program, Integer version, String programName,
                            String currency, String phase, Boolean funded, String status, Instant asOf,
                            StatusFigures figures, List<RuleView> rules, Enrollments.Enrollment enrollment) {
}
