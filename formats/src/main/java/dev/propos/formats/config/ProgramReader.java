package dev.propos.formats.config;

import dev.propos.engine.config.PayoutPolicy;
import dev.propos.engine.config.Phase;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.TradingDay;
import dev.propos.engine.rule.Rule;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one entry of {@code programs}: the program, its trading day, its phases and their rules. */
final class ProgramReader {

    private ProgramReader() {
    }

    static Program read(Node node) {
        Fields fields = Fields.of(node, "program");
        String id = fields.string("id");
        fields = fields.as("program " + id);
        int version = fields.positiveInteger("version");
        String name = fields.stringOr("name", id);
        String currency = fields.currencyCode("currency", "USD");
        long initialBalanceCents = fields.positiveCents("initial_balance");
        TradingDay tradingDay = tradingDay(fields);
        List<Phase> phases = phases(fields);
        fields.rejectUnknown();
        return new Program(id, version, name, currency, initialBalanceCents, tradingDay, phases);
    }

    private static TradingDay tradingDay(Fields program) {
        Node node = program.get("trading_day");
        if (node == null) {
            return TradingDay.UTC_MIDNIGHT;
        }
        Fields fields = Fields.of(node, program.owner() + " trading_day");
        Node zoneNode = fields.get("zone");
        Node startNode = fields.get("start");
        ZoneId zone = zoneNode == null ? TradingDay.UTC_MIDNIGHT.zone() : Clock.zone(fields, "zone", zoneNode);
        LocalTime start = startNode == null ? LocalTime.MIDNIGHT : Clock.localTime(fields, "start", startNode);
        fields.rejectUnknown();
        return new TradingDay(zone, start);
    }

    private static List<Phase> phases(Fields program) {
        Node node = program.require("phases");
        if (!(node instanceof Node.Sequence sequence)) {
            throw node.error(program.owner() + ": phases must be a list, got " + node.description());
        }
        if (sequence.items().isEmpty()) {
            throw node.error(program.owner() + ": a program needs at least one phase");
        }
        List<Phase> phases = new ArrayList<>();
        Map<String, Node> nextNodes = new HashMap<>();
        for (Node phaseNode : sequence.items()) {
            Fields fields = Fields.of(phaseNode, program.owner() + " phase");
            Phase phase = phase(fields, nextNodes);
            if (phases.stream().anyMatch(p -> p.id().equals(phase.id()))) {
                throw phaseNode.error(program.owner() + ": phase '" + phase.id() + "' is defined twice");
            }
            phases.add(phase);
        }
        for (Phase phase : phases) {
            if (phase.next() != null && phases.stream().noneMatch(p -> p.id().equals(phase.next()))) {
                throw nextNodes.get(phase.id()).error(program.owner() + " phase " + phase.id() + ": next phase '"
                        + phase.next() + "' is not a phase of this program");
            }
        }
        return phases;
    }

    private static Phase phase(Fields phaseFields, Map<String, Node> nextNodes) {
        String id = phaseFields.string("id");
        Fields fields = phaseFields.as(phaseFields.owner() + " " + id);
        String next = fields.stringOr("next", null);
        if (next != null) {
            nextNodes.put(id, fields.get("next"));
            if (next.equals(id)) {
                throw fields.get("next").error(fields.owner() + ": a phase cannot be its own next phase");
            }
        }
        boolean funded = fields.bool("funded", false);
        List<Rule> rules = rules(fields);
        Node payoutsNode = fields.get("payouts");
        if (funded && payoutsNode == null) {
            throw fields.error("a funded phase needs payouts (at least split_percent)");
        }
        if (!funded && payoutsNode != null) {
            throw payoutsNode.error(fields.owner() + ": payouts are only for a phase with funded: true");
        }
        PayoutPolicy payouts = funded ? payouts(Fields.of(payoutsNode, fields.owner() + " payouts")) : null;
        fields.rejectUnknown();
        return new Phase(id, next, funded, rules, payouts);
    }

    private static List<Rule> rules(Fields phase) {
        Node node = phase.get("rules");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Node.Sequence sequence)) {
            throw node.error(phase.owner() + ": rules must be a list, got " + node.description());
        }
        List<Rule> rules = new ArrayList<>();
        for (Node ruleNode : sequence.items()) {
            rules.add(RuleReader.read(ruleNode));
        }
        return rules;
    }

    private static PayoutPolicy payouts(Fields fields) {
        PayoutPolicy policy = new PayoutPolicy(fields.percentUpToHundred("split_percent"),
                fields.nonNegativeInteger("first_after_days", 0), fields.nonNegativeInteger("interval_days", 0),
                fields.nonNegativeCents("min_amount", 0), fields.bool("require_flat", true),
                fields.bool("refund_fee", false));
        fields.rejectUnknown();
        return policy;
    }
}
