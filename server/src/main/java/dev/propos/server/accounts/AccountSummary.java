package dev.propos.server.accounts;

import java.math.BigDecimal;

/**
 * One account in a list. {@code status} is the engine's ({@code active}, {@code paused},
 * {@code passed}, {@code failed}) or, for an enrollment whose account does not run yet,
 * {@code enrolling} or {@code enrollment_failed}; the money is then null.
 */
public record AccountSummary(String account, String trader, String program, Integer version, String phase,
                             String status, BigDecimal balance, BigDecimal equity) {
}
