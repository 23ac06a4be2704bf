package dev.propos.formats.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1", "-1", "1.08010", "-12.50", "0.000001", "-0.0", "123456789012345678",
            "12345678901234567.8", "1234567890123456789", "0.1234567890123456789", "1e5", "1.5E-3", "+7", "10.",
            "-123456789012345678901234567890.5"})
    void sameValueAndScaleAsBigDecimal(String text) {
        assertThat(Decimals.parse(text)).isEqualTo(new BigDecimal(text));
        assertThat(Decimals.parse(("xx" + text + "yy").toCharArray(), 2, text.length())).isEqualTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", ".5", "1.2.3", "1,5", "abc", "1 ", " 1", "--1", "NaN"})
    void rejectsWhatBigDecimalRejects(String text) {
        boolean bigDecimalAccepts;
        try {
            new BigDecimal(text);
            bigDecimalAccepts = true;
        } catch (NumberFormatException e) {
            bigDecimalAccepts = false;
        }
        if (bigDecimalAccepts) {
            assertThat(Decimals.parse(text)).isEqualTo(new BigDecimal(text));
        } else {
            assertThatThrownBy(() -> Decimals.parse(text)).isInstanceOf(NumberFormatException.class);
        }
    }
}
