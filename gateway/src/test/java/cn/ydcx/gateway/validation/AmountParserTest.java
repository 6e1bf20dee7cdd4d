package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.validation.AmountParser.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountParserTest {
    private final AmountParser zj = new AmountParser(Unit.YUAN, ',');
    private final AmountParser wan = new AmountParser(Unit.WAN_YUAN, (char) 0);

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"2000;2000.00", "2,000;2000.00", "1,234,567.8;1234567.80", "12345.675;12345.68",
        "12345.674;12345.67", "0.005;0.01", "0;0.00", "1.5E4;15000.00", "1.5e4;15000.00", "+5;5.00", "12,345.675;12345.68",
        "1E-3;0.00", "999,999.995;1000000.00"})
    void yuan(String in, String out) {
        assertThat(zj.parse(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1.5;15000.00", "1.5E4;150000000.00", "0.00005;0.50", "0.000005;0.05",
        "0.0000005;0.01", "12.3456789;123456.79"})
    void wanYuanIsMultipliedBeforeRounding(String in, String out) {
        assertThat(wan.parse(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-500", "-0", "-1,000", "五千元", "2000元", "1,00", "12,34,567", ",100", "100,", "1.000,5",
        "1 000", "１０００", "NaN", "Infinity", "1E999999999", "1E16", ".", "e5", "0x10", "1_000"})
    void negativeNonNumericOrAbsurdIsRejected(String in) {
        assertThat(zj.parse(in)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2,000", "1E12"})
    void wanYuanNodesHaveNoThousandsSeparatorAndAreBounded(String in) {
        assertThat(wan.parse(in)).isNull();
    }
}
