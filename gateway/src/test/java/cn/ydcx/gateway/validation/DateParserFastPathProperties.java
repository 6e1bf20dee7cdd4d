package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * DateParser's fast path (FastDatePattern) gives exactly the DateTimeFormatter answer, for the
 * node patterns and for patterns whose adjacent digit fields the formatter splits its own way.
 */
class DateParserFastPathProperties {
    static final List<String> PATTERNS = List.of("yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd", "uuuu.MM.dd", "d/M/yyyy",
            "MMdduuuu", "yyyy-M-dd", "dd.MM.yyyy", "yyyyMM-d");

    @Property(tries = 3000)
    void fastPathAgreesWithTheFormatter(@ForAll("patterns") String pattern, @ForAll("values") String value) {
        DateParser p = new DateParser(pattern);
        assertThat(p.parse(value)).as(pattern + " ← '" + value + "'").isEqualTo(p.slowParse(value));
        assertThat(p.parseValidTo(value)).isEqualTo(p.slowParse(value));
    }

    /** Real dates written in the pattern (padded or not) must take the fast path and agree. */
    @Property(tries = 2000)
    void realDatesAgree(@ForAll("patterns") String pattern, @ForAll("dates") int[] ymd, @ForAll boolean pad) {
        DateParser p = new DateParser(pattern);
        String value = pattern.replace("yyyy", String.format("%04d", ymd[0])).replace("uuuu", String.format("%04d", ymd[0]))
                .replace("MM", "\u0001").replace("dd", "\u0002")
                .replace("M", pad ? String.format("%02d", ymd[1]) : String.valueOf(ymd[1]))
                .replace("d", pad ? String.format("%02d", ymd[2]) : String.valueOf(ymd[2]))
                .replace("\u0001", String.format("%02d", ymd[1])).replace("\u0002", String.format("%02d", ymd[2]));
        assertThat(p.parse(value)).as(pattern + " ← '" + value + "'").isEqualTo(p.slowParse(value));
    }

    @Example
    void nodePatternsHaveAFastPathAndOddOnesDoNot() {
        assertThat(new DateParser("yyyy-MM-dd").hasFastPath()).isTrue();
        assertThat(new DateParser("yyyy/M/d").hasFastPath()).isTrue();
        assertThat(new DateParser("yyyyMMdd").hasFastPath()).isTrue();
        // the formatter splits "yyyyMd" / "yyyyMMd" digit runs its own way (DateParser even refuses them)
        assertThat(FastDatePattern.compile("yyyyMd")).isNull();
        assertThat(FastDatePattern.compile("yyyyMMd")).isNull();
        assertThat(FastDatePattern.compile("dMM/yyyy")).isNull();
        assertThat(new DateParser("yyyy年M月d日").hasFastPath()).isFalse();
        assertThat(new DateParser("yyyy-MM-dd'T'").hasFastPath()).isFalse();
    }

    @Example
    void edgeCases() {
        DateParser zj = new DateParser("yyyy/M/d");
        assertThat(zj.parse("2024/2/29")).isEqualTo("2024-02-29");
        assertThat(zj.parse("2023/2/29")).isNull();
        assertThat(zj.parse("1900/2/29")).isNull();
        assertThat(zj.parse("2000/02/29")).isEqualTo("2000-02-29");
        assertThat(zj.parse("2023/009/1")).isEqualTo(zj.slowParse("2023/009/1")); // greedy M: formatter decides
        assertThat(zj.parse("0000/1/1")).isNull();
        assertThat(zj.parse("2023/13/1")).isNull();
        assertThat(zj.parse("２０２３/1/1")).isEqualTo(zj.slowParse("２０２３/1/1"));
        DateParser ah = new DateParser("yyyyMMdd");
        assertThat(ah.parse("20230920")).isEqualTo("2023-09-20");
        assertThat(ah.parse("202309201")).isEqualTo(ah.slowParse("202309201"));
        assertThat(ah.parse("2023092")).isNull();
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of(PATTERNS);
    }

    @Provide
    Arbitrary<int[]> dates() {
        return Combinators.combine(Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 31)).as((y, m, d) -> new int[] {y, m, d});
    }

    /** Digit runs and separators in date-like arrangements, with the odd sign, letter or full-width digit. */
    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(9);
        Arbitrary<String> sep = Arbitraries.of("-", "/", ".", "", "", "+", " ", "年", "T", "２", "-0");
        return Combinators.combine(digits, sep, digits, sep, digits, Arbitraries.of("", "", "", "-", "1", "/"))
                .as((a, s1, b, s2, c, tail) -> a + s1 + b + s2 + c + tail);
    }
}
