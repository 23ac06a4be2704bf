package dev.propos.server.accounts;

import dev.propos.engine.decision.Measure;
import dev.propos.engine.money.Money;
import dev.propos.engine.status.RuleStatus;
import java.time.Instant;

/**
 * One rule of an account's phase as the account page shows it, with the engine's own figures:
 * money as decimal strings with two places, quantities exactly, instants in UTC. {@code unit}
 * says which: {@code money}, {@code quantity}, {@code instant} or {@code window}.
 */
public record RuleView(String rule, String state, String value, String limit, String distance, String unit,
                       String basis, String basisValue, Instant nextReset, String consequence, Integer strikes) {

    static RuleView of(RuleStatus status) {
        Measure any = status.value() != null ? status.value() : status.limit();
        return new RuleView(status.rule(), status.state().wireName(), text(status.value()), text(status.limit()),
                text(status.distance()), unit(any), status.basis(),
                status.basisCents() == null ? null : Money.format(status.basisCents()), status.nextReset(),
                status.consequence(), status.strikes());
    }

    private static String text(Measure measure) {
        return switch (measure) {
            case null -> null;
            case Measure.Money money -> Money.format(money.cents());
            case Measure.Quantity quantity -> quantity.amount().toPlainString();
            case Measure.At at -> at.instant().toString();
            case Measure.Window window -> window.start() + "/" + window.end();
        };
    }

    private static String unit(Measure measure) {
        return switch (measure) {
            case null -> null;
            case Measure.Money money -> "money";
            case Measure.Quantity quantity -> "quantity";
            case Measure.At at -> "instant";
            case Measure.Window window -> "window";
        };
    }
}
