package dev.propos.engine.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfAwayFromZeroOnce() {
        assertThat(Money.toCents(new BigDecimal("1.005"))).isEqualTo(101);
        assertThat(Money.toCents(new BigDecimal("-1.005"))).isEqualTo(-101);
        assertThat(Money.toCents(new BigDecimal("1.0049999999"))).isEqualTo(100);
        assertThat(Money.toCents(new BigDecimal("-0.004"))).isZero();
    }

    @Test
    void percentOfIsRoundedToCents() {
        assertThat(Money.percentOf(new BigDecimal("5"), 10_000_000)).isEqualTo(500_000);
        assertThat(Money.percentOf(new BigDecimal("3.33"), 1_000_001)).isEqualTo(33_300); // 33,300.0333 cents
        assertThat(Money.percentOf(new BigDecimal("0.5"), 101)).isEqualTo(1); // 0.505 cents rounds up
    }

    @Test
    void formatsTwoDecimals() {
        assertThat(Money.format(9_500_000)).isEqualTo("95000.00");
        assertThat(Money.format(-1_250)).isEqualTo("-12.50");
        assertThat(Money.format(-5)).isEqualTo("-0.05");
    }
}
