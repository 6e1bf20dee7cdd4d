package cn.ydcx.gateway.jcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class JcsNumberProperties {
    /** Any finite double reads back from its canonical text as the same value. */
    @Property(tries = 3000)
    void canonicalNumbersRoundTrip(@ForAll long bits) {
        double d = Double.longBitsToDouble(bits);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return;
        }
        String s = Jcs.numberToString(d);
        assertThat(Double.parseDouble(s)).isEqualTo(d == 0 ? 0.0 : d);
    }

    /** No decimal with fewer significant digits represents the same double (shortest form). */
    @Property(tries = 1000)
    void canonicalNumbersAreShortest(@ForAll long bits) {
        double d = Math.abs(Double.longBitsToDouble(bits));
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return;
        }
        BigDecimal printed = new BigDecimal(Jcs.numberToString(d)).stripTrailingZeros();
        int k = printed.precision();
        if (k > 1) {
            BigDecimal exact = new BigDecimal(d);
            for (var mode : new java.math.RoundingMode[] {java.math.RoundingMode.FLOOR, java.math.RoundingMode.CEILING}) {
                assertThat(exact.round(new MathContext(k - 1, mode)).doubleValue()).isNotEqualTo(d);
            }
        }
    }
}
