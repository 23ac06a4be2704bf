package dev.propos.engine.status;

import dev.propos.engine.decision.Measure;
import java.time.Instant;
import java.util.Locale;

/**
 * Where one rule entry of an account's phase stands right now ({@code Engine.ruleStatus}): the
 * engine's own figures, the very ones its next evaluation would decide with, never a
 * recomputation. A running account is read at the latest quotes, as of the engine's time (the
 * last event's); a finished one as it was at the instant it failed or passed, with no
 * {@code nextReset}.
 *
 * <p>Money is {@link Measure.Money} in cents, lots and counts {@link Measure.Quantity}, instants
 * {@link Measure.At}. Durations are {@link Measure.Quantity} seconds, exact to the millisecond.
 * Per rule ({@code distance}'s sign: see each row):
 *
 * <table>
 * <caption>value, limit, distance, basis by rule</caption>
 * <tr><th>rule</th><th>value</th><th>limit</th><th>distance</th><th>basis, basisCents</th><th>nextReset</th></tr>
 * <tr><td>{@code daily_loss}</td><td>equity</td><td>today's floor</td><td>equity − floor: the room
 *   (the floor is reached at ≤ 0, or &lt; 0 with {@code inclusive: false})</td><td>{@code day_start_balance},
 *   {@code day_start_equity}, {@code higher_of} (base {@code max}) or {@code day_peak}; the base value</td>
 *   <td>the account's next day boundary (also the end of a pause)</td></tr>
 * <tr><td>{@code max_loss}</td><td>the measured figure (equity, balance or the lower, per
 *   {@code measure})</td><td>the floor</td><td>measured − floor, as above</td><td>{@code high_water}
 *   (trailing modes: the mark), {@code reference_balance} (static, or a floor fixed by {@code floor_at_initial};
 *   initial balance + net deposits), {@code lock_at} (the floor is capped at the reference balance +
 *   {@code lock_at}; that cap)</td><td>{@code trailing_eod}: the next day boundary (the mark is re-derived
 *   there); else null</td></tr>
 * <tr><td>{@code profit_target}</td><td>profit: measured balance or equity − excluded profit −
 *   reference balance</td><td>the target amount (raised by {@code consistency} when it raises it)</td>
 *   <td>target − profit: still to make (reached at ≤ 0)</td><td>{@code reference_balance}</td><td>null</td></tr>
 * <tr><td>{@code min_trading_days}</td><td>days counted (the phase, or since the last approved
 *   payout with {@code applies_to: payout}; today while it qualifies)</td><td>{@code days}</td>
 *   <td>days − counted: still needed (met at ≤ 0)</td><td>{@code count: profitable}:
 *   {@code min_day_profit}, the day profit a day needs; else null</td><td>null</td></tr>
 * <tr><td>{@code consistency} ({@code block})</td><td>the best day</td><td>the largest best day
 *   with which it holds on the current total</td><td>limit − best day (holds at ≥ 0 with a total above
 *   zero)</td><td>{@code net_total} or {@code positive_total}; the total</td><td>null</td></tr>
 * <tr><td>{@code consistency} ({@code raise_target})</td><td>the best day</td><td>the largest best
 *   day that leaves the profit target as configured (null without a target)</td><td>limit − best day
 *   (raises at &lt; 0)</td><td>{@code profit_target}; the target as configured</td><td>null</td></tr>
 * <tr><td>{@code time_limit}</td><td>the time read at</td><td>the deadline ({@code account_started} +
 *   days × 24 h)</td><td>seconds to the deadline</td><td>{@code account_started}</td><td>the deadline</td></tr>
 * <tr><td>{@code inactivity}</td><td>the time read at</td><td>the deadline (last open or close while
 *   flat + days × 24 h); null while a position is open (the period does not run)</td><td>seconds to the
 *   deadline</td><td>{@code last_activity}</td><td>the deadline</td></tr>
 * <tr><td>{@code max_lots}</td><td>{@code per: position}: the largest opened lots of an open position;
 *   {@code symbol}: the most open lots in one symbol; {@code account}: all open lots (of the rule's
 *   {@code symbols} only, when given)</td><td>{@code lots}</td><td>lots − value (exceeded at &lt; 0)</td>
 *   <td>null</td><td>null</td></tr>
 * <tr><td>{@code max_open_positions}</td><td>open positions</td><td>{@code positions}</td>
 *   <td>positions − open (exceeded at &lt; 0)</td><td>null</td><td>null</td></tr>
 * <tr><td>{@code weekend_holding}</td><td>open positions (each violates at the cut-off)</td>
 *   <td>the next cut-off</td><td>seconds to it</td><td>null</td><td>the next cut-off</td></tr>
 * <tr><td>{@code stop_loss_required}</td><td>open positions without a stop loss whose deadline is still
 *   ahead</td><td>the earliest such deadline (null when none)</td><td>seconds to it</td><td>null</td>
 *   <td>null</td></tr>
 * <tr><td>{@code min_trade_duration}</td><td>open positions that a close now would make violate</td>
 *   <td>{@code seconds}</td><td>null</td><td>null</td><td>null</td></tr>
 * <tr><td>{@code news}</td><td>null</td><td>null</td><td>null</td><td>null</td><td>null</td></tr>
 * </table>
 *
 * <p>For a finished account the time read at is the instant it finished, and durations are
 * counted to it.
 *
 * @param rule        the rule's wire name ({@code daily_loss}, {@code max_loss} ...)
 * @param state       where it stands
 * @param value       the current measured figure; null where the rule has none
 * @param limit       the bound; null where there is none now
 * @param distance    how far the value is from the limit, in the direction the row says; null where
 *                    it does not apply
 * @param basis       what the limit hangs from, in wire terms; null if nothing
 * @param basisCents  that base in cents, where it is money; else null
 * @param nextReset   the next instant the rule's basis or count resets or the rule acts by the clock
 *                    (day boundary, deadline, cut-off); null if none, and always for a finished account
 * @param consequence what the rule does: for an enforced rule the consequence of its next violation
 *                    ({@code fail}, {@code pause}, {@code flag}, {@code close_position},
 *                    {@code exclude_profit}; {@code fail} on the {@code max_strikes}-th), or, when
 *                    {@code breached}, the one it had; {@code pass} for the profit target,
 *                    {@code block} for {@code min_trading_days} and a blocking {@code consistency},
 *                    {@code raise_target} for one that raises the target
 * @param strikes     the entry's strike count so far (violations, and breaches of {@code daily_loss}
 *                    and of a soft rule); null for the rules that count none (the objectives,
 *                    {@code max_loss}, {@code time_limit}, {@code inactivity}: they fail at once)
 */
public record RuleStatus(String rule, State state, Measure value, Measure limit, Measure distance, String basis,
                         Long basisCents, Instant nextReset, String consequence, Integer strikes) {

    /** Where a rule entry stands. */
    public enum State {
        /** Within its limit; an enforced rule with no violation yet. */
        OK,
        /** A soft rule that has been violated ({@code strikes} times) and did not end the account. */
        VIOLATED,
        /**
         * The rule failed the account, or its {@code pause} is in force ({@code consequence} says
         * which); the figures are those of that moment for a failed account.
         */
        BREACHED,
        /** An objective reached: the profit target (flat, if it requires it), enough days, consistency holds. */
        MET,
        /** An objective not reached yet: it keeps the phase from passing (or a payout, per its scope). */
        PENDING,
        /** A {@code consistency} rule in {@code raise_target} mode that raises the profit target now. */
        RAISED,
        /** A {@code profit_target} entry after the phase's first: the engine passes the phase on the first only. */
        INACTIVE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
