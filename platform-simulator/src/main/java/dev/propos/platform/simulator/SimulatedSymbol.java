package dev.propos.platform.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A symbol of the simulated market. Prices are whole numbers of points ({@code 10^-digits}) inside
 * the simulator and exact decimals on the wire. The random walk moves the mid by
 * {@code dailyVolatilityPercent} (one standard deviation of a day's log return); the spread is
 * {@code spreadPoints} wide, wider around high-impact news.
 *
 * @param commissionPerLotPerSide charged at the open and again at the close (money, positive; zero: none)
 */
public record SimulatedSymbol(String name, int digits, BigDecimal contractSize, String profitCurrency,
                              BigDecimal initialPrice, long spreadPoints, double dailyVolatilityPercent,
                              TradingHours hours, BigDecimal commissionPerLotPerSide) {

    public SimulatedSymbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contractSize, "contractSize");
        Objects.requireNonNull(profitCurrency, "profitCurrency");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(commissionPerLotPerSide, "commissionPerLotPerSide");
        if (digits < 0 || spreadPoints <= 0 || dailyVolatilityPercent <= 0 || initialPrice.signum() <= 0) {
            throw new IllegalArgumentException("implausible symbol " + name);
        }
    }

    /** The exact price of a number of points. */
    public BigDecimal price(long points) {
        return BigDecimal.valueOf(points, digits);
    }

    /** The number of points of a price, rounded to the symbol's digits. */
    public long points(BigDecimal price) {
        return price.movePointRight(digits).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The currencies a calendar entry must name to concern this symbol, as the engine's news rule
     * reads them: the two halves of a six-letter pair, else the profit currency.
     */
    public List<String> currencies() {
        if (name.length() == 6 && name.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return List.of(name.substring(0, 3), name.substring(3));
        }
        return List.of(profitCurrency);
    }
}
