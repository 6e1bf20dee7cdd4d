package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.validation.AmountParser.Unit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * AmountParser's long-arithmetic fast path gives exactly the BigDecimal answer (null included),
 * for both units, with and without a thousands separator: around the 15-integer-digit bound
 * (before and after the 万元 ×10000), at HALF_UP boundaries and carries, and for junk.
 */
class AmountParserFastPathProperties {
    static final List<AmountParser> PARSERS = List.of(new AmountParser(Unit.YUAN, (char) 0),
            new AmountParser(Unit.YUAN, ','), new AmountParser(Unit.WAN_YUAN, (char) 0),
            new AmountParser(Unit.WAN_YUAN, ','));

    @Property(tries = 5000)
    void plainAmountsAgreeWithBigDecimal(@ForAll("parsers") AmountParser p, @ForAll("plain") String value) {
        assertThat(p.parse(value)).as(p.unit() + " ← '" + value + "'").isEqualTo(p.referenceParse(value));
    }

    @Property(tries = 3000)
    void roundingBoundariesAgreeWithBigDecimal(@ForAll("parsers") AmountParser p, @ForAll("boundaries") String value) {
        assertThat(p.parse(value)).as(p.unit() + " ← '" + value + "'").isEqualTo(p.referenceParse(value));
    }

    @Property(tries = 3000)
    void junkAgreesWithBigDecimal(@ForAll("parsers") AmountParser p, @ForAll("junk") String value) {
        assertThat(p.parse(value)).as(p.unit() + " ← '" + value + "'").isEqualTo(p.referenceParse(value));
    }

    /** The property would hold trivially if the fast path never answered: it must take the usual forms. */
    @Example
    void plainFormsTakeTheFastPathAndOthersDoNot() {
        AmountParser yuan = new AmountParser(Unit.YUAN, ',');
        for (String v : List.of("16500", "0", "0.5", "12345.675", "000123.4500", "999999999999999.995",
                "1234567890123456", "00000000000000000001.5")) {
            assertThat(yuan.takesFastPath(v)).as(v).isTrue();
        }
        for (String v : List.of("1.", ".5", "+5", "-5", "1.5E4", "1e3", "1,000", "1.2.3", "", "1 0", "１")) {
            assertThat(yuan.takesFastPath(v)).as(v).isFalse();
        }
    }

    @Example
    void edgeCases() {
        AmountParser yuan = new AmountParser(Unit.YUAN, (char) 0);
        AmountParser wan = new AmountParser(Unit.WAN_YUAN, (char) 0);
        assertThat(yuan.parse("16500")).isEqualTo("16500.00");
        assertThat(yuan.parse("0.5")).isEqualTo("0.50");
        assertThat(yuan.parse("9.995")).isEqualTo("10.00");
        assertThat(yuan.parse("99999.995")).isEqualTo("100000.00");
        assertThat(yuan.parse("0.004999")).isEqualTo("0.00");
        assertThat(yuan.parse("0.005")).isEqualTo("0.01");
        assertThat(yuan.parse("999999999999999.995")).isEqualTo("1000000000000000.00"); // 15 digits, then carry
        assertThat(yuan.parse("1000000000000000")).isNull(); // 16 integer digits
        assertThat(yuan.parse("0000000000000000000123")).isEqualTo("123.00"); // leading zeros do not count
        assertThat(wan.parse("99999999999.9999995")).isEqualTo("1000000000000000.00"); // 11 digits × 10^4, carry
        assertThat(wan.parse("100000000000")).isNull(); // 12 digits: 16 after × 10000
        assertThat(wan.parse("0.0000005")).isEqualTo("0.01");
        assertThat(wan.parse("0.00000049999")).isEqualTo("0.00");
        assertThat(wan.parse("1.5")).isEqualTo("15000.00");
        // tiny values in exponent form round to zero at once (found by junkAgreesWithBigDecimal:
        // setScale threw ArithmeticException after ~10 s building 10^831187029)
        assertThat(yuan.parse("07E-831187031")).isEqualTo("0.00");
        assertThat(wan.parse("07E-831187031")).isEqualTo("0.00");
        assertThat(yuan.parse("0E-2147483647")).isEqualTo("0.00");
        assertThat(yuan.parse("9.9E-4")).isEqualTo("0.00"); // 0.00099: first value of the shortcut
        assertThat(yuan.parse("5E-3")).isEqualTo("0.01"); // 0.005: scaled as before
        assertThat(wan.parse("5E-7")).isEqualTo("0.01"); // 0.005 yuan after ×10000
        assertThat(wan.parse("4.9E-7")).isEqualTo("0.00");
    }

    @Provide
    Arbitrary<AmountParser> parsers() {
        return Arbitraries.of(PARSERS);
    }

    /** Leading zeros, 0–20 integer digits (weighted to 10–17: the bound), optional 0–20 fraction digits, rare suffix. */
    @Provide
    Arbitrary<String> plain() {
        Arbitrary<String> zeros = Arbitraries.strings().withChars('0').ofMinLength(0).ofMaxLength(6);
        Arbitrary<Integer> intLength = Arbitraries.frequency(
                Tuple.of(1, 0), Tuple.of(3, 1), Tuple.of(3, 5),
                Tuple.of(2, 10), Tuple.of(3, 11), Tuple.of(3, 12),
                Tuple.of(3, 14), Tuple.of(4, 15), Tuple.of(3, 16),
                Tuple.of(2, 17), Tuple.of(1, 20));
        Arbitrary<String> integer = intLength.flatMap(len -> len == 0 ? Arbitraries.just("")
                : Combinators.combine(Arbitraries.chars().range('1', '9'),
                        Arbitraries.strings().withCharRange('0', '9').ofLength(len - 1)).as((d, r) -> d + r));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(20).map(f -> "." + f));
        // now and then an exponent or stray character after it: 16 digits then E-5 is a valid amount
        Arbitrary<String> suffix = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("E-5", "e-2", "E+0", "E3", "E-20", ".", ",5", "x", "-", " ")));
        return Combinators.combine(zeros, integer, fraction, suffix).as((z, i, f, x) -> z + i + f + x);
    }

    /** Values whose 3rd (yuan) or 7th (万元) fraction digit decides: …5, …4999, …9995 carries, 15/11 nines. */
    @Provide
    Arbitrary<String> boundaries() {
        Arbitrary<String> integer = Arbitraries.oneOf(Arbitraries.of("0", "9", "99999", "999999999999999", "99999999999",
                "999999999999", "100000000000000", "00099"), Arbitraries.strings().withCharRange('0', '9').ofMinLength(1)
                .ofMaxLength(16));
        Arbitrary<String> kept = Arbitraries.oneOf(Arbitraries.of("", "9", "99", "999", "9999", "99999", "999999",
                "00", "000000", "49", "4999"), Arbitraries.strings().withCharRange('0', '9').ofMaxLength(7));
        Arbitrary<String> tail = Arbitraries.of("5", "4", "49999", "50000", "4999999", "5000001", "", "0", "9", "95");
        return Combinators.combine(integer, kept, tail).as((i, k, t) -> k.isEmpty() && t.isEmpty() ? i : i + "." + k + t);
    }

    /** Amount-like strings with signs, exponents, separators, stray dots, spaces, letters and full-width digits. */
    @Provide
    Arbitrary<String> junk() {
        Arbitrary<Character> ch = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.chars().range('0', '9')),
                Tuple.of(2, Arbitraries.of('.', ',', 'e', 'E', '+', '-', ' ', 'x', '１', '٣', '_')));
        return ch.list().ofMinSize(0).ofMaxSize(24)
                .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    }
}
