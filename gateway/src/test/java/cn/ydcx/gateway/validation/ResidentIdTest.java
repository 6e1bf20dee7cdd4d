package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

    @Test
    void knownNumberIsValid() {
        assertThat(ResidentId.isValid("360426199101010071")).isTrue();
        assertThat(ResidentId.checkChar("36042619910101007")).isEqualTo('1');
    }

    @Test
    void checkCharacterXIsAccepted() {
        String first17 = "11010519491231002";
        assertThat(ResidentId.checkChar(first17)).isEqualTo('X');
        assertThat(ResidentId.isValid(first17 + "X")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"360426199101010072", "36042619910101007", "3604261991010100711", "36042619910101007x",
        "A60426199101010071", ""})
    void wrongCheckDigitLengthOrCharacterIsInvalid(String id) {
        assertThat(ResidentId.isValid(id)).isFalse();
    }

    @Test
    void birthDateMustBeReal() {
        String feb30 = "36042619910230" + "007";
        assertThat(ResidentId.isValid(feb30 + ResidentId.checkChar(feb30))).isFalse();
        String month13 = "36042619911301" + "007";
        assertThat(ResidentId.isValid(month13 + ResidentId.checkChar(month13))).isFalse();
        String before1900 = "36042618991231" + "007";
        assertThat(ResidentId.isValid(before1900 + ResidentId.checkChar(before1900))).isFalse();
        String leapDay = "36042620000229" + "007";
        assertThat(ResidentId.isValid(leapDay + ResidentId.checkChar(leapDay))).isTrue();
    }

    @Test
    void birthDateInTheFutureIsInvalid() {
        String born = "36042620300101" + "007";
        String id = born + ResidentId.checkChar(born);
        assertThat(ResidentId.isValid(id, LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(ResidentId.isValid(id, LocalDate.of(2030, 1, 1))).isTrue();
    }
}
