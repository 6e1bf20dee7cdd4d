package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91310000631696382C", "91320214745555318W", "913304007429141869", "91340600MA2PBM9HXD",
        "92340604MA2PENA300"})
    void realCodesAreValid(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
        assertThat(Uscc.checkChar(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91310000631696382D", "913304007429141868", "91340600MA2PBM9HX", "91340600MA2PBM9HXDD",
        "91340600MA2PBM9HXd", "91340600MI2PBM9HXD", "91340600MO2PBM9HXD", "91340600MS2PBM9HXD", "91340600MV2PBM9HXD",
        "91340600MZ2PBM9HXD", "", "９１３１００００６３１６９６３８２Ｃ"})
    void wrongCheckCharLengthOrCharacterIsInvalid(String code) {
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsInvalidAndCheckCharNeedsTheCharset() {
        assertThat(Uscc.isValid(null)).isFalse();
        assertThatThrownBy(() -> Uscc.checkChar("9134060OMI2PBM9HX")).isInstanceOf(IllegalArgumentException.class);
    }
}
