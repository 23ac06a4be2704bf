package dev.propos.platform;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order from PropOS to a trading platform. Every command carries an id that the platform
 * deduplicates on (executing the same id twice acts once and returns the first outcome) and the
 * PropOS account it concerns, which is also the platform's account id.
 */
public sealed interface PlatformCommand {

    /** The id the platform deduplicates on; the server derives it from the decision it reacts to. */
    String commandId();

    /** The PropOS account, which is the platform account id. */
    String account();

    /**
     * Opens a trading account. {@code program}, {@code phase} and {@code funded} tell the platform
     * what kind of account it is (a platform may map them to a group or a server); {@code trader}
     * is the PropOS trader id.
     */
    record CreateAccount(String commandId, String account, String trader, String currency, BigDecimal balance,
                         String program, String phase, boolean funded) implements PlatformCommand {
        public CreateAccount {
            requireIds(commandId, account);
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(balance, "balance");
            if (balance.signum() <= 0) {
                throw new IllegalArgumentException("an account starts with a positive balance, got " + balance);
            }
        }
    }

    /** Allows the account to trade again. */
    record EnableAccount(String commandId, String account) implements PlatformCommand {
        public EnableAccount {
            requireIds(commandId, account);
        }
    }

    /** Stops the account from opening trades; its open positions stay open (see {@link CloseAllPositions}). */
    record DisableAccount(String commandId, String account) implements PlatformCommand {
        public DisableAccount {
            requireIds(commandId, account);
        }
    }

    /** Closes a position at the market, or {@code lots} of it ({@code null}: all that is still open). */
    record ClosePosition(String commandId, String account, String position, BigDecimal lots)
            implements PlatformCommand {
        public ClosePosition {
            requireIds(commandId, account);
            Objects.requireNonNull(position, "position");
            if (lots != null && lots.signum() <= 0) {
                throw new IllegalArgumentException("lots to close must be positive, got " + lots);
            }
        }
    }

    /** Closes every open position of the account at the market. */
    record CloseAllPositions(String commandId, String account) implements PlatformCommand {
        public CloseAllPositions {
            requireIds(commandId, account);
        }
    }

    /**
     * Adds {@code amount} (signed) to the account's balance. {@code reason} says why: a payout
     * ({@link #PAYOUT}, {@link #PAYOUT_REVERSAL}) is not reported back as an event; a
     * {@code deposit}, {@code withdrawal} or {@code correction} is, as {@code balance_adjusted}.
     */
    record AdjustBalance(String commandId, String account, BigDecimal amount, String reason)
            implements PlatformCommand {

        /** An approved payout leaving the account (a negative amount). */
        public static final String PAYOUT = "payout";
        /** A payout that was not carried out coming back (a positive amount). */
        public static final String PAYOUT_REVERSAL = "payout_reversal";

        public AdjustBalance {
            requireIds(commandId, account);
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reason, "reason");
            if (amount.signum() == 0) {
                throw new IllegalArgumentException("a balance adjustment of zero");
            }
        }

        /** Whether this is a payout movement, which the engine has already booked and the platform does not report. */
        public boolean isPayout() {
            return reason.equals(PAYOUT) || reason.equals(PAYOUT_REVERSAL);
        }
    }

    private static void requireIds(String commandId, String account) {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(account, "account");
        if (commandId.isBlank()) {
            throw new IllegalArgumentException("a command needs a non-blank id");
        }
    }
}
