package dev.propos.engine.config;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The whole firm configuration: symbols, programs (every version), cross-account risk. */
public record FirmConfig(Map<String, SymbolSpec> symbols, List<Program> programs, RiskConfig risk)
        implements Serializable {

    public FirmConfig {
        symbols = Map.copyOf(symbols);
        programs = List.copyOf(programs);
    }

    /** The declared symbol, the implicit currency pair, or null when the symbol is unknown. */
    public SymbolSpec symbol(String name) {
        SymbolSpec declared = symbols.get(name);
        return declared != null ? declared : SymbolSpec.implicitPair(name);
    }

    /** The program at {@code version}, or its highest version when {@code version} is null; null if none. */
    public Program program(String id, Integer version) {
        return programs.stream()
                .filter(p -> p.id().equals(id) && (version == null || p.version() == version))
                .max(Comparator.comparingInt(Program::version))
                .orElse(null);
    }
}
