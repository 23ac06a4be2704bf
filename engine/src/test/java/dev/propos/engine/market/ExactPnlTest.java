package dev.propos.engine.market;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.config.SymbolSpec;
import dev.propos.engine.event.Side;
import dev.propos.engine.money.Money;
import java.math.BigDecimal;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@link ExactPnl} against the account's decimal valuation: the same cents, or no answer at all. */
class ExactPnlTest {

    private static final String[] CONTRACTS = {"1", "100", "5000", "100000", "0.5", "25", "1E+10", "0.001", "3"};

    @Property(tries = 2000)
    void valuesAPositionInCentsExactlyAsTheDecimalValuation(@ForAll long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            boolean ordinary = random.nextBoolean();
            SymbolSpec symbol = new SymbolSpec("S", new BigDecimal(CONTRACTS[random.nextInt(ordinary ? 6 : CONTRACTS.length)]),
                    "USD");
            BigDecimal lots = ordinary ? BigDecimal.valueOf(1 + random.nextInt(5_000), 2)
                    : BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(5));
            BigDecimal open = price(random, ordinary);
            BigDecimal price = random.nextInt(4) == 0 ? open.add(BigDecimal.valueOf(random.nextInt(11) - 5, 3))
                    : price(random, ordinary);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long cents = exactCents(symbol, side, lots, open, price);
            if (ordinary) {
                assertThat(cents).as("an ordinary position is valued in longs").isNotEqualTo(ExactPnl.UNKNOWN);
            }
            if (cents != ExactPnl.UNKNOWN) {
                assertThat(cents).as("%s %s lots of %s opened at %s, at %s", side, lots, symbol.contractSize(), open, price)
                        .isEqualTo(Money.toCents(Market.profit(symbol, side, lots, open, price)));
            }
        }
    }

    @Example
    void roundsHalfACentAwayFromZeroAsMoneyDoes() {
        SymbolSpec unit = new SymbolSpec("S", BigDecimal.ONE, "USD");
        BigDecimal lots = new BigDecimal("0.01");
        // 0.01 lots × 0.5 = 0.005: a cent up; the sell side, a cent down.
        assertThat(exactCents(unit, Side.BUY, lots, new BigDecimal("10"), new BigDecimal("10.5"))).isEqualTo(1);
        assertThat(exactCents(unit, Side.SELL, lots, new BigDecimal("10"), new BigDecimal("10.5"))).isEqualTo(-1);
        assertThat(exactCents(unit, Side.BUY, lots, new BigDecimal("10"), new BigDecimal("10.49"))).isEqualTo(0);
    }

    @Example
    void answersNothingBeyondALong() {
        SymbolSpec huge = new SymbolSpec("S", new BigDecimal("1E+15"), "USD");
        assertThat(exactCents(huge, Side.BUY, new BigDecimal("1000"), new BigDecimal("1"), new BigDecimal("100000")))
                .isEqualTo(ExactPnl.UNKNOWN);
    }

    /** As the router computes it; UNKNOWN when a price has no exact key or a figure is out of reach. */
    private static long exactCents(SymbolSpec symbol, Side side, BigDecimal lots, BigDecimal open, BigDecimal price) {
        long factor = ExactPnl.factor(symbol.contractSize(), lots);
        int exponent = ExactPnl.exponent(symbol.contractSize(), lots);
        long openKey = PriceKeys.exactKey(open);
        long priceKey = PriceKeys.exactKey(price);
        if (factor == ExactPnl.UNKNOWN || exponent == Integer.MIN_VALUE || openKey == PriceKeys.NOT_EXACT
                || priceKey == PriceKeys.NOT_EXACT) {
            return ExactPnl.UNKNOWN;
        }
        return ExactPnl.cents(side == Side.BUY ? factor : -factor, priceKey - openKey, exponent);
    }

    /**
     * Ordinary prices (with ordinary lots, up to 50): up to 10,000, at most 5 decimals. Others: of
     * every magnitude, 0 to 11 decimals (beyond 9 there is no exact key).
     */
    private static BigDecimal price(Random random, boolean ordinary) {
        if (ordinary) {
            int scale = random.nextInt(6);
            return BigDecimal.valueOf(1 + random.nextInt(10_000 * (int) PriceKeys.POWERS_OF_TEN[scale]), scale);
        }
        long unscaled = switch (random.nextInt(3)) {
            case 0 -> 1 + random.nextInt(1000);
            case 1 -> 1 + random.nextInt(10_000_000);
            default -> 1 + (random.nextLong() & 0xFFFF_FFFF_FFFFL);
        };
        return BigDecimal.valueOf(unscaled, random.nextInt(12));
    }
}
