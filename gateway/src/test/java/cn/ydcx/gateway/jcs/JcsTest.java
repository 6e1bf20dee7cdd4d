package cn.ydcx.gateway.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JcsTest {
    private static JsonNode parse(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    /** RFC 8785 §3.2.2 / §3.2.4: the worked example and its published UTF-8 bytes. */
    @Test
    void rfc8785StructureExample() throws Exception {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(Jcs.canonicalString(parse(input))).isEqualTo(expected);
        // §3.2.4 hex of the same output
        String hex = "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b333333"
                + "3333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67"
                + "223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d";
        assertThat(HexFormat.of().formatHex(Jcs.canonicalize(parse(input)))).isEqualTo(hex);
    }

    /** RFC 8785 §3.2.3: properties sorted by UTF-16 code units, not code points or UTF-8. */
    @Test
    void rfc8785SortingExample() throws Exception {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\",\"</script>\":\"Browser Challenge\"}";
        String out = Jcs.canonicalString(parse(input));
        assertThat(out).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"</script>\":\"Browser Challenge\","
                + "\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /** RFC 8785 Appendix B: IEEE-754 bit patterns and their canonical text. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void appendixBNumbers(String bits, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(Jcs.numberToString(d)).isEqualTo(expected);
        assertThat(Jcs.canonicalString(new DoubleNode(d))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1E30, 1e+30", "4.50, 4.5", "2e-3, 0.002", "1e-7, 1e-7", "-0.0, 0", "0.1, 0.1",
        "100, 100", "1.5e21, 1.5e+21", "123456789012345678901, 123456789012345680000",
        "0.000001234, 0.000001234", "2E-7, 2e-7", "5e-324, 5e-324"})
    void decimalNodesGoThroughTheDoubleAlgorithm(String literal, String expected) {
        JsonNode n = JsonNodeFactory.instance.numberNode(new BigDecimal(literal));
        assertThat(Jcs.canonicalString(n)).isEqualTo(expected);
    }

    @Test
    void integralNodesPrintAsIntegers() throws Exception {
        assertThat(Jcs.canonicalString(parse("[1, -7, 9007199254740992, 0]"))).isEqualTo("[1,-7,9007199254740992,0]");
        assertThat(Jcs.canonicalString(JsonNodeFactory.instance.numberNode(Long.MAX_VALUE)))
                .isEqualTo("9223372036854775807");
        assertThat(Jcs.canonicalString(JsonNodeFactory.instance.numberNode(BigInteger.TEN.pow(25))))
                .isEqualTo("10000000000000000000000000");
    }

    @Test
    void escapesControlCharactersLikeJsonStringify() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("s", "\u0000\u0001\u001f\u007f\b\f\n\r\t\"\\/é中");
        assertThat(Jcs.canonicalString(o))
                .isEqualTo("{\"s\":\"\\u0000\\u0001\\u001f\u007f\\b\\f\\n\\r\\t\\\"\\\\/é中\"}");
        assertThat(new String(Jcs.canonicalize(o), StandardCharsets.UTF_8)).isEqualTo(Jcs.canonicalString(o));
    }

    @Test
    void nestedObjectsAreSortedRecursivelyAndArraysKeepOrder() throws Exception {
        assertThat(Jcs.canonicalString(parse("{ \"b\": [3, {\"z\":1, \"a\":2}], \"a\": { \"d\": true, \"c\": null } }")))
                .isEqualTo("{\"a\":{\"c\":null,\"d\":true},\"b\":[3,{\"a\":2,\"z\":1}]}");
    }

    @Test
    void refusesValuesOutsideIJson() {
        assertThatThrownBy(() -> Jcs.canonicalString(new DoubleNode(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Jcs.canonicalString(new DoubleNode(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalString(JsonNodeFactory.instance.textNode("a\ud800b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> Jcs.canonicalString(JsonNodeFactory.instance.textNode("\udc00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
    }
}
