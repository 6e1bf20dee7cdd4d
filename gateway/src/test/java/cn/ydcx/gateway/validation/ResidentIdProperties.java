package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ResidentIdProperties {

    @Provide
    Arbitrary<String> first17() {
        Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 45_000).map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
        Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(region, birth, seq)
                .as((r, b, s) -> r + b.toString().replace("-", "") + s);
    }

    @Property
    void aNumberWithItsComputedCheckDigitIsValid(@ForAll("first17") String first17) {
        assertThat(ResidentId.isValid(first17 + ResidentId.checkChar(first17), LocalDate.of(2030, 1, 1))).isTrue();
    }

    /** MOD 11-2 detects every single-digit substitution (weights are non-zero mod 11). */
    @Property
    void changingAnyOneCharacterMakesItInvalid(@ForAll("first17") String first17,
                                               @ForAll @IntRange(min = 0, max = 17) int position,
                                               @ForAll @IntRange(min = 1, max = 10) int shift) {
        String id = first17 + ResidentId.checkChar(first17);
        String alphabet = "0123456789X";
        int size = position == 17 ? 11 : 10;
        char replacement = alphabet.charAt((alphabet.indexOf(id.charAt(position)) + shift) % size);
        if (replacement == id.charAt(position)) {
            return; // shift 10 on a digit position wraps around to the same digit
        }
        String changed = id.substring(0, position) + replacement + id.substring(position + 1);
        assertThat(ResidentId.isValid(changed, LocalDate.of(2030, 1, 1))).as(changed).isFalse();
    }
}
