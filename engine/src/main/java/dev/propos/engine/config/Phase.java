package dev.propos.engine.config;

import dev.propos.engine.rule.Rule;
import java.io.Serializable;
import java.util.List;

/** One phase of a program; {@code next} is null for the last, {@code payouts} null unless funded. */
public record Phase(String id, String next, boolean funded, List<Rule> rules, PayoutPolicy payouts)
        implements Serializable {

    public Phase {
        rules = List.copyOf(rules);
    }

    /** The first rule of the given kind, or null. */
    public <R extends Rule> R first(Class<R> kind) {
        for (Rule rule : rules) {
            if (kind.isInstance(rule)) {
                return kind.cast(rule);
            }
        }
        return null;
    }
}
