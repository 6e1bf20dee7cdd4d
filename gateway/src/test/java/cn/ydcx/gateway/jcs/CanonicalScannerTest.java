package cn.ydcx.gateway.jcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cases the scanner must get right, one by one (the properties cover them at random). */
class CanonicalScannerTest {

    private static int scan(byte[] b) {
        return new CanonicalScanner("source", "recordId").scan(b, 0, b.length);
    }

    private static int scan(String s) {
        return scan(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "{\"a\":1}", "{\"a\":-12,\"b\":0,\"c\":999999999999999}", "{\"a\":true,\"b\":false,\"c\":null}",
        "{\"a\":\"中文 € 😀\"}", "{\"a\":\"\\\"\\\\\\b\\f\\n\\r\\t\"}", "{\"a\":\"\\u0000\\u001f\\u000b\"}",
        "{\"a\":\"/\u007f\u2028\"}", "{\"A\":1,\"B\":2,\"a\":3,\"aa\":4,\"b\":5}", "[{\"b\":[],\"c\":{}},\"x\",[1,[2]]]",
        "\"text\"", "0", "-7", "null",
        "{\"abcdefghijklmnop\":1,\"abcdefghijklmnoq\":2,\"b\":{\"0123456789abcdef0\":[]}}"})  // keys over 8 bytes
    void acceptsCanonicalText(String canonical) throws Exception {
        byte[] b = canonical.getBytes(StandardCharsets.UTF_8);
        assertThat(Jcs.canonicalize(cn.ydcx.gateway.model.Json.mapper().readTree(b))).isEqualTo(b); // a true premise
        assertThat(scan(b)).isEqualTo(b.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{ \"a\":1}", "{\"a\": 1}", "{\"a\":1 }", "[1, 2]",           // whitespace
        "{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":1}", "{\"a\":1,\"a\":2}",   // order, duplicates
        "{\"a\":1.0}", "{\"a\":1e2}", "{\"a\":1E2}", "{\"a\":-0}", "{\"a\":01}", "{\"a\":0.5}",  // numbers
        "{\"a\":1234567890123456}", "{\"a\":-}", "{\"a\":+1}",
        "{\"a\":\"\\/\"}", "{\"a\":\"\\u4e2d\"}", "{\"a\":\"\\u0041\"}", "{\"a\":\"\\u000a\"}", "{\"a\":\"\\u001F\"}",
        "{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"\\x\"}",                 // escapes JCS does not write
        "{\"\\u0061\":1}", "{\"\\n\":1}", "{\"中\":1}",                    // keys outside the ASCII subset
        "{\"abcdefgh\\u0069\":1}", "{\"abcdefghijklmnopq\u007f\":1}", "{\"abcdefghijklmno中\":1}",
        "{\"abcdefghijklmnop\":1,\"abcdefghijklmnop\":2}", "{\"abcdefghijklmnoq\":1,\"abcdefghijklmnop\":2}",
        "{\"a\":tru}", "{\"a\":True}", "{\"a\":nul}", "{\"a\":\"x}", "{\"a\"", "{\"a\":1,}", "[1,]", "{,}", ""})
    void refusesAnythingElse(String text) {
        assertThat(scan(text)).isEqualTo(CanonicalScanner.NOT_CANONICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7b2261223a22c080227d", // overlong NUL
        "7b2261223a22eda080227d",                     // UTF-8 of a surrogate
        "7b2261223a22e08080227d",                     // overlong 3-byte form
        "7b2261223a22e4b8ad41e4b8227d",               // a good 3-byte character, then a truncated one
        "7b2261223a22f08f8080227d",                   // overlong 4-byte form
        "7b2261223a22f4908080227d",                   // beyond U+10FFFF
        "7b2261223a2280227d",                         // lone continuation byte
        "7b2261223a22e4b8227d",                       // truncated sequence
        "7b2261223a22ff227d",                         // never valid
        "7b2261223a2201227d"})                        // raw control character
    void refusesInvalidUtf8AndRawControls(String hex) {
        assertThat(scan(HexFormat.of().parseHex(hex))).isEqualTo(CanonicalScanner.NOT_CANONICAL);
    }

    @Test
    void stopsAtTheEndOfTheValueWithinTheLimit() {
        byte[] b = "[{\"a\":1},{\"b\":2}]".getBytes(StandardCharsets.UTF_8);
        assertThat(new CanonicalScanner().scan(b, 1, b.length)).isEqualTo(8);
        assertThat(new CanonicalScanner().scan(b, 1, 7)).isEqualTo(CanonicalScanner.NOT_CANONICAL); // cut short
    }

    @Test
    void reportsPlainTopLevelStringFieldsOnly() {
        String text = "{\"n\":{\"source\":\"XX\"},\"recordId\":\"ab\\ncd\",\"source\":\"ZJ中\"}";
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        CanonicalScanner s = new CanonicalScanner("source", "recordId");
        assertThat(s.scan(b, 0, b.length)).isEqualTo(b.length);
        assertThat(new String(b, s.fieldStart(0), s.fieldEnd(0) - s.fieldStart(0), StandardCharsets.UTF_8)).isEqualTo("ZJ中");
        assertThat(s.fieldStart(1)).as("escaped value: not plain").isEqualTo(-1);

        byte[] noFields = "{\"recordId\":7,\"source\":null}".getBytes(StandardCharsets.UTF_8);
        assertThat(s.scan(noFields, 0, noFields.length)).isEqualTo(noFields.length);
        assertThat(s.fieldStart(0)).isEqualTo(-1);
        assertThat(s.fieldStart(1)).isEqualTo(-1);
    }

    @Test
    void deepNestingIsLeftToTheTreePath() {
        String ok = "[".repeat(CanonicalScanner.MAX_DEPTH) + "]".repeat(CanonicalScanner.MAX_DEPTH);
        String deep = "[".repeat(CanonicalScanner.MAX_DEPTH + 1) + "]".repeat(CanonicalScanner.MAX_DEPTH + 1);
        assertThat(scan(ok)).isEqualTo(ok.length());
        assertThat(scan(deep)).isEqualTo(CanonicalScanner.NOT_CANONICAL);
    }
}
