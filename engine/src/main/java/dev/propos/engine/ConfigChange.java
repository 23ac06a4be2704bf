package dev.propos.engine;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.SymbolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether a newer firm configuration may replace the running one ({@link Engine#updateConfig}): it
 * only adds. Program versions are immutable and accounts keep the version they started on, so a
 * version may be neither removed nor changed; a declared symbol keeps its contract.
 */
final class ConfigChange {

    private ConfigChange() {
    }

    /** @throws EngineException naming the first program version or symbol the newer one drops or changes */
    static void check(FirmConfig current, FirmConfig newer) {
        Objects.requireNonNull(newer, "newer configuration");
        if (newer.risk() == null) {
            throw new EngineException("the new configuration has no risk settings"
                    + " (RiskConfig.NONE turns detection off)");
        }
        Map<String, Program> newerVersions = new HashMap<>();
        for (Program program : newer.programs()) {
            if (newerVersions.put(key(program), program) != null) {
                throw new EngineException("program " + program.id() + " version " + program.version()
                        + " appears twice in the new configuration");
            }
        }
        for (Program program : current.programs()) {
            Program successor = newerVersions.get(key(program));
            if (successor == null) {
                throw new EngineException("program " + program.id() + " version " + program.version()
                        + " is missing from the new configuration: a version stays, accounts may run on it");
            }
            if (!successor.equals(program)) {
                throw new EngineException("program " + program.id() + " version " + program.version()
                        + " differs in the new configuration (" + String.join(", ", differences(program, successor))
                        + "): a published version is immutable, a change needs a new version");
            }
        }
        for (String symbol : new TreeSet<>(current.symbols().keySet())) {
            SymbolSpec declared = current.symbols().get(symbol);
            SymbolSpec successor = newer.symbols().get(symbol);
            if (successor == null) {
                throw new EngineException("symbol " + symbol + " is missing from the new configuration");
            }
            if (!successor.equals(declared)) {
                throw new EngineException("symbol " + symbol + " differs in the new configuration: contract_size "
                        + declared.contractSize().toPlainString() + " and profit_currency " + declared.profitCurrency()
                        + " before, " + successor.contractSize().toPlainString() + " and "
                        + successor.profitCurrency() + " now; open positions are valued with its contract");
            }
        }
    }

    private static String key(Program program) {
        return program.id() + '\u0000' + program.version();
    }

    /** The parts of a program that differ, as the configuration names them. */
    private static List<String> differences(Program before, Program after) {
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) {
            parts.add("name");
        }
        if (!Objects.equals(before.currency(), after.currency())) {
            parts.add("currency");
        }
        if (before.initialBalanceCents() != after.initialBalanceCents()) {
            parts.add("initial_balance");
        }
        if (!Objects.equals(before.tradingDay(), after.tradingDay())) {
            parts.add("trading_day");
        }
        if (!Objects.equals(before.phases(), after.phases())) {
            parts.add("phases");
        }
        return parts;
    }
}
