package dev.propos.server.reactions;

import dev.propos.engine.Engine;
import dev.propos.engine.decision.Decision;
import dev.propos.engine.decision.Measure;
import dev.propos.engine.money.Money;
import dev.propos.server.evaluation.RecordedDecision;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the trader is told, written with the decision that causes it (so a replay tells nothing
 * twice): passes, breaches, resumptions, soft-rule violations and payout answers.
 */
@Component
public class Notifications {

    /** One message to a trader about an account. */
    public record Notification(long id, String trader, String account, String kind, String message,
                               java.time.Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(RecordedDecision recorded, Engine engine) {
        String message = message(recorded.decision());
        String account = recorded.account();
        if (message == null || account == null) {
            return;
        }
        var info = engine.accountInfo(account);
        jdbc.sql("""
                insert into notifications (dedup_key, trader, account, kind, message, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing""")
                .params("d" + recorded.seq() + "-" + recorded.ordinal(), info == null ? null : info.trader(), account,
                        recorded.type(), message, Timestamp.from(clock.instant()))
                .update();
    }

    /** The trader's notifications, newest first. */
    /** Tells a trader something that concerns no single account; {@code dedupKey} makes a repeat harmless. */
    public void notifyTrader(String trader, String kind, String message, String dedupKey) {
        jdbc.sql("""
                insert into notifications (dedup_key, trader, account, kind, message, created_at)
                values (?, ?, null, ?, ?, ?) on conflict (dedup_key) do nothing""")
                .params(dedupKey, trader, kind, message, Timestamp.from(clock.instant()))
                .update();
    }

    public List<Notification> ofTrader(String trader, int limit) {
        return jdbc.sql("select id, trader, account, kind, message, created_at from notifications where trader = ? order by id desc limit ?")
                .params(trader, limit)
                .query((rs, row) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static String describe(Measure measure) {
        return switch (measure) {
            case null -> "none";
            case Measure.Money money -> Money.format(money.cents());
            case Measure.Quantity quantity -> quantity.amount().toPlainString();
            case Measure.At at -> at.instant().toString();
            case Measure.Window window -> window.start() + " to " + window.end();
        };
    }

    private static String message(Decision decision) {
        return switch (decision) {
            case Decision.PhasePassed d -> "You passed phase " + d.phase() + " of " + d.program() + " with a balance of "
                    + Money.format(d.balanceCents()) + " after " + d.tradingDays() + " trading days. Your "
                    + d.nextPhase() + " account is being created.";
            case Decision.Breach d -> ("pause".equals(d.consequence())
                    ? "Your account was paused until " + d.until() + ": rule " + d.rule()
                    : "Your account failed rule " + d.rule())
                    + " (value " + describe(d.value()) + ", limit " + describe(d.limit()) + "). Its positions are being closed.";
            case Decision.Resumed d -> "Your account can trade again.";
            case Decision.Violation d -> "Rule " + d.rule() + " was broken" + (d.position() == null ? "" : " by position "
                    + d.position()) + " (" + d.consequence().replace('_', ' ') + ", strike " + d.strike() + ").";
            case Decision.PayoutDecision d -> d.approved()
                    ? "Your payout of " + Money.format(d.amountCents()) + " was approved: your share is "
                            + Money.format(d.traderShareCents()) + "."
                    : "Your payout request was refused: " + String.join("; ", d.reasons()) + ".";
            case Decision.RiskFlag d -> null;
            case Decision.AccountStatus d -> null;
        };
    }
}
