package dev.propos.formats.config;

import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.config.SymbolSpec;

/** Reads the small sections: one symbol, one risk detector. */
final class SectionReaders {

    private SectionReaders() {
    }

    static SymbolSpec symbol(String name, Node node) {
        Fields fields = Fields.of(node, "symbol " + name);
        fields.require("profit_currency");
        SymbolSpec symbol = new SymbolSpec(name, fields.positiveDecimal("contract_size"),
                fields.currencyCode("profit_currency", null));
        fields.rejectUnknown();
        return symbol;
    }

    static RiskConfig.CopyTrading copyTrading(Node node) {
        Fields fields = Fields.of(node, "risk copy_trading");
        RiskConfig.CopyTrading detector = new RiskConfig.CopyTrading(fields.nonNegativeInteger("window_seconds"),
                fields.positiveInteger("min_matches"));
        fields.rejectUnknown();
        return detector;
    }

    static RiskConfig.Hedging hedging(Node node) {
        Fields fields = Fields.of(node, "risk hedging");
        RiskConfig.Hedging detector = new RiskConfig.Hedging(fields.nonNegativeInteger("window_seconds"),
                fields.bool("same_trader_only", false));
        fields.rejectUnknown();
        return detector;
    }
}
