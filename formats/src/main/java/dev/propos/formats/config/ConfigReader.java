package dev.propos.formats.config;

import dev.propos.engine.config.FirmConfig;
import dev.propos.engine.config.Program;
import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.config.SymbolSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a firm configuration (spec/programs.md) from one or more YAML or JSON files, merging their
 * {@code symbols}, {@code programs} and {@code risk} sections, with every default resolved.
 *
 * <p>Every problem is a {@link ConfigException} naming the file and the line of the offending node.
 */
public final class ConfigReader {

    private static final List<String> SECTIONS = List.of("symbols", "programs", "risk");

    /** Where each merged item was first defined, for "defined twice" messages. */
    private record Defined<T>(T value, Node node) {
    }

    private final Map<String, Defined<SymbolSpec>> symbols = new LinkedHashMap<>();
    private final Map<String, Defined<Program>> programs = new LinkedHashMap<>();
    private Defined<RiskConfig.CopyTrading> copyTrading;
    private Defined<RiskConfig.Hedging> hedging;

    private ConfigReader() {
    }

    /**
     * Reads and merges configuration files.
     *
     * @throws IOException     when a file cannot be read
     * @throws ConfigException when the configuration is invalid
     */
    public static FirmConfig read(List<Path> files) throws IOException {
        List<ConfigSource> sources = new ArrayList<>();
        for (Path file : files) {
            sources.add(ConfigSource.of(file));
        }
        return merge(sources);
    }

    /**
     * Reads and merges configuration texts, in order.
     *
     * @throws ConfigException when the configuration is invalid
     */
    public static FirmConfig merge(List<ConfigSource> sources) {
        ConfigReader reader = new ConfigReader();
        sources.forEach(reader::add);
        return reader.config();
    }

    private void add(ConfigSource source) {
        Node root = YamlTree.parse(source);
        if (root == null) {
            throw new ConfigException(source.name(), 1, "the configuration file is empty");
        }
        if (!(root instanceof Node.Mapping sections)) {
            throw root.error("a configuration file must be a mapping of symbols, programs and risk, got "
                    + root.description());
        }
        for (Node.Entry section : sections.entries().values()) {
            boolean empty = section.value().isNull(); // "symbols:" with nothing under it
            switch (section.key()) {
                case "symbols" -> {
                    if (!empty) {
                        addSymbols(Fields.of(section.value(), "symbols").mapping());
                    }
                }
                case "programs" -> {
                    if (!empty) {
                        addPrograms(section.value());
                    }
                }
                case "risk" -> {
                    if (!empty) {
                        addRisk(Fields.of(section.value(), "risk"));
                    }
                }
                default -> throw new ConfigException(source.name(), section.keyLine(),
                        "unknown section '" + section.key() + "' (expected " + String.join(", ", SECTIONS) + ")");
            }
        }
    }

    private void addSymbols(Node.Mapping section) {
        for (Node.Entry entry : section.entries().values()) {
            SymbolSpec symbol = SectionReaders.symbol(entry.key(), entry.value());
            Defined<SymbolSpec> earlier = symbols.putIfAbsent(symbol.name(), new Defined<>(symbol, entry.value()));
            if (earlier != null) {
                throw new ConfigException(section.file(), entry.keyLine(),
                        "symbol " + symbol.name() + " is already defined at " + where(earlier.node()));
            }
        }
    }

    private void addPrograms(Node section) {
        if (!(section instanceof Node.Sequence sequence)) {
            throw section.error("programs must be a list, got " + section.description());
        }
        for (Node node : sequence.items()) {
            Program program = ProgramReader.read(node);
            String key = program.id() + " version " + program.version();
            Defined<Program> earlier = programs.putIfAbsent(key, new Defined<>(program, node));
            if (earlier != null) {
                throw node.error("program " + key + " is already defined at " + where(earlier.node()));
            }
        }
    }

    private void addRisk(Fields section) {
        Node copyTradingNode = section.get("copy_trading");
        if (copyTradingNode != null) {
            requireFirst(copyTrading, copyTradingNode, "copy_trading");
            copyTrading = new Defined<>(SectionReaders.copyTrading(copyTradingNode), copyTradingNode);
        }
        Node hedgingNode = section.get("hedging");
        if (hedgingNode != null) {
            requireFirst(hedging, hedgingNode, "hedging");
            hedging = new Defined<>(SectionReaders.hedging(hedgingNode), hedgingNode);
        }
        section.rejectUnknown();
    }

    private static void requireFirst(Defined<?> earlier, Node node, String detector) {
        if (earlier != null) {
            throw node.error("risk " + detector + " is already defined at " + where(earlier.node()));
        }
    }

    private static String where(Node node) {
        return node.file() + ":" + node.line();
    }

    private FirmConfig config() {
        Map<String, SymbolSpec> symbolSpecs = new LinkedHashMap<>();
        symbols.forEach((name, defined) -> symbolSpecs.put(name, defined.value()));
        List<Program> programList = programs.values().stream().map(Defined::value).toList();
        RiskConfig risk = new RiskConfig(copyTrading == null ? null : copyTrading.value(),
                hedging == null ? null : hedging.value());
        return new FirmConfig(symbolSpecs, programList, risk);
    }
}
