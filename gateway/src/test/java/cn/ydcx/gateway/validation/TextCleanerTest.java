package cn.ydcx.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCleanerTest {

    @Test
    void trimsCollapsesAndTurnsEveryWhiteSpaceIntoASpace() {
        assertThat(TextCleaner.clean("  a \t\n b  ")).isEqualTo("a b");
        assertThat(TextCleaner.clean("\u3000杭州\u3000\u3000恒远\u3000")).isEqualTo("杭州 恒远");
        assertThat(TextCleaner.clean("a\u00A0\u2007\u202F\u205F\u1680\u0085\u2028\u2029\u000Bb")).isEqualTo("a b");
    }

    @ParameterizedTest
    @ValueSource(chars = {'\t', '\n', '\u000B', '\u000C', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2005',
        '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'})
    void everyCharacterOfTheSpecWhiteSpaceListIsWhiteSpace(char ws) {
        assertThat(TextCleaner.clean("x" + ws + ws + "y" + ws)).isEqualTo("x y");
    }

    @Test
    void characterOutsideTheListIsKept() {
        // U+180E (Mongolian vowel separator) was White_Space in old Unicode versions, not any more
        assertThat(TextCleaner.clean("a\u180Eb")).isEqualTo("a\u180Eb");
        assertThat(TextCleaner.clean("a\u200Eb")).isEqualTo("a\u200Eb");
    }

    @Test
    void removesZeroWidthCharactersWithoutBreakingSpaceRuns() {
        assertThat(TextCleaner.clean("\uFEFF杭\u200B州\u200C市\u200D")).isEqualTo("杭州市");
        assertThat(TextCleaner.clean("a \u200B b")).isEqualTo("a b");
    }

    @Test
    void emptyAfterCleanUpIsAbsent() {
        assertThat(TextCleaner.clean(null)).isNull();
        assertThat(TextCleaner.clean("")).isNull();
        assertThat(TextCleaner.clean(" \u3000\t\u200B\uFEFF ")).isNull();
        assertThat(TextCleaner.identifier(" \u3000 ")).isNull();
        assertThat(TextCleaner.name("\u200B")).isNull();
    }

    @Test
    void cleanValueIsReturnedUnchanged() {
        String s = "杭州市市场监督管理局 第一分局";
        assertThat(TextCleaner.clean(s)).isSameAs(s);
    }

    @Test
    void identifiersTurnFullWidthIntoAsciiAndLoseAllSpaces() {
        assertThat(TextCleaner.identifier("（2023）沪0115执1234号")).isEqualTo("(2023)沪0115执1234号");
        assertThat(TextCleaner.identifier("杭市监罚〔２０２５〕１２３号")).isEqualTo("杭市监罚〔2025〕123号");
        assertThat(TextCleaner.identifier(" 杭市监罚 〔2025〕\u3000123号 ")).isEqualTo("杭市监罚〔2025〕123号");
        assertThat(TextCleaner.identifier("abc")).isEqualTo("abc"); // decision numbers keep their case
    }

    @Test
    void usccAndIdNumberAreAlsoUpperCased() {
        assertThat(TextCleaner.upperIdentifier("９１３３０４００７４２９１４１８６９")).isEqualTo("913304007429141869");
        assertThat(TextCleaner.upperIdentifier("9134 0600 ma2p bm9h xd")).isEqualTo("91340600MA2PBM9HXD");
        assertThat(TextCleaner.upperIdentifier("36042619910101007x")).isEqualTo("36042619910101007X");
        assertThat(TextCleaner.upperIdentifier("ｍａ２")).isEqualTo("MA2");
    }

    @Test
    void namesGetFullWidthParentheses() {
        assertThat(TextCleaner.name(" 杭州恒远(集团)有限公司 ")).isEqualTo("杭州恒远（集团）有限公司");
        assertThat(TextCleaner.name("宁波（北仑）有限公司")).isEqualTo("宁波（北仑）有限公司");
        // 〔〕 are untouched everywhere
        assertThat(TextCleaner.name("〔测试〕")).isEqualTo("〔测试〕");
    }
}
