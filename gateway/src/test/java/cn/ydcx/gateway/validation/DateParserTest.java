package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {
    private final DateParser zj = new DateParser("yyyy/M/d");
    private final DateParser ah = new DateParser("yyyyMMdd");
    private final DateParser iso = new DateParser("yyyy-MM-dd");

    @ParameterizedTest
    @CsvSource({"2025/3/7,2025-03-07", "2025/03/07,2025-03-07", "2025/12/31,2025-12-31", "2024/2/29,2024-02-29",
        "2025/10/1,2025-10-01"})
    void zjPatternAcceptsPlainAndZeroPadded(String in, String out) {
        assertThat(zj.parse(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023/2/30", "2023/2/29", "2025/13/1", "2025/0/1", "2025/4/31", "2025-03-07", "25/3/7",
        "2025/3/7 10:00", "2025年3月7日", "２０２５/３/７", "长期", "abc"})
    void impossibleOrForeignDatesAreRejected(String in) {
        assertThat(zj.parse(in)).isNull();
    }

    @Test
    void otherNodePatterns() {
        assertThat(ah.parse("20250307")).isEqualTo("2025-03-07");
        assertThat(ah.parse("20230230")).isNull();
        assertThat(ah.parse("2025037")).isNull();
        assertThat(iso.parse("2025-03-07")).isEqualTo("2025-03-07");
        assertThat(iso.parse("2025-3-7")).isNull();
    }

    @Test
    void longTermOnlyThroughValidTo() {
        assertThat(zj.parseValidTo("长期")).isEqualTo("9999-12-31");
        assertThat(zj.parseValidTo("2030/1/1")).isEqualTo("2030-01-01");
        assertThat(zj.parse("长期")).isNull();
    }

    @Test
    void patternWithoutDayIsRefused() {
        assertThatThrownBy(() -> new DateParser("yyyy/M")).hasMessageContaining("year, month and day");
        assertThatThrownBy(() -> new DateParser("yyyy/MM/dd bb")).isInstanceOf(IllegalArgumentException.class);
    }
}
