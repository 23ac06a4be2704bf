package dev.propos.platform.simulator;

import java.math.BigDecimal;
import java.util.List;

/** The symbols the simulator quotes by default, with prices, spreads and volatility of a calm 2026 market. */
public final class SimulatedSymbols {

    private static final BigDecimal FX_LOT = new BigDecimal("100000");
    /** A raw-spread account's commission: 7 USD a lot round turn on currencies and gold. */
    private static final BigDecimal RAW_COMMISSION = new BigDecimal("3.50");

    private SimulatedSymbols() {
    }

    public static List<SimulatedSymbol> standardSet() {
        return List.of(
                new SimulatedSymbol("EURUSD", 5, FX_LOT, "USD", new BigDecimal("1.08500"), 8, 0.5,
                        TradingHours.FOREX, RAW_COMMISSION),
                new SimulatedSymbol("GBPUSD", 5, FX_LOT, "USD", new BigDecimal("1.26500"), 12, 0.6,
                        TradingHours.FOREX, RAW_COMMISSION),
                new SimulatedSymbol("USDJPY", 3, FX_LOT, "JPY", new BigDecimal("150.250"), 12, 0.6,
                        TradingHours.FOREX, RAW_COMMISSION),
                new SimulatedSymbol("XAUUSD", 2, new BigDecimal("100"), "USD", new BigDecimal("2350.00"), 25, 1.0,
                        TradingHours.CFD, RAW_COMMISSION),
                new SimulatedSymbol("US30", 2, BigDecimal.ONE, "USD", new BigDecimal("39000.00"), 200, 1.0,
                        TradingHours.CFD, BigDecimal.ZERO),
                new SimulatedSymbol("NAS100", 2, BigDecimal.ONE, "USD", new BigDecimal("18000.00"), 150, 1.3,
                        TradingHours.CFD, BigDecimal.ZERO),
                new SimulatedSymbol("BTCUSD", 2, BigDecimal.ONE, "USD", new BigDecimal("65000.00"), 3000, 3.0,
                        TradingHours.ALWAYS, BigDecimal.ZERO));
    }
}
