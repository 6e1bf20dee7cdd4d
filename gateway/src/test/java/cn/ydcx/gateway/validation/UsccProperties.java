package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class UsccProperties {

    @Provide
    Arbitrary<String> first17() {
        return Arbitraries.strings().withChars(Uscc.CHARSET.toCharArray()).ofLength(17);
    }

    @Property
    void aCodeWithItsComputedCheckCharIsValid(@ForAll("first17") String first17) {
        assertThat(Uscc.isValid(first17 + Uscc.checkChar(first17))).isTrue();
    }

    /** GB 32100's weights make any single substitution detectable (31 is prime, weights non-zero). */
    @Property
    void changingAnyOneCharacterMakesItInvalid(@ForAll("first17") String first17,
                                               @ForAll @IntRange(min = 0, max = 17) int position,
                                               @ForAll @IntRange(min = 1, max = 30) int shift) {
        String code = first17 + Uscc.checkChar(first17);
        char replacement = Uscc.CHARSET.charAt((Uscc.CHARSET.indexOf(code.charAt(position)) + shift) % 31);
        String changed = code.substring(0, position) + replacement + code.substring(position + 1);
        assertThat(Uscc.isValid(changed)).as(changed).isFalse();
    }

    @Property
    void aCharacterOutsideTheSetIsInvalid(@ForAll("first17") String first17,
                                          @ForAll @IntRange(min = 0, max = 17) int position) {
        String code = first17 + Uscc.checkChar(first17);
        for (char c : new char[] {'I', 'O', 'Z', 'S', 'V', 'a', '-'}) {
            String changed = code.substring(0, position) + c + code.substring(position + 1);
            assertThat(Uscc.isValid(changed)).as(changed).isFalse();
        }
    }
}
