package cn.ydcx.gateway.jcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The shared byte steps of the JSON byte scanners agree with the JDK (UTF-8) and a plain loop (SWAR). */
class JsonBytesProperties {

    @Property(tries = 5000)
    void utf8EndWalksExactlyWhatTheJdkDecoderAccepts(@ForAll("utf8ish") byte[] b) {
        boolean walked = true;
        for (int p = 0; p < b.length && walked; ) {
            int c = b[p] & 0xFF;
            if (c < 0x80) {
                p++;
            } else {
                int q = JsonBytes.utf8End(b, p, c, b.length);
                walked = q != JsonBytes.INVALID;
                p = q;
            }
        }
        assertThat(walked).as(HexFormat.of().formatHex(b)).isEqualTo(jdkDecodes(b));
    }

    @Property(tries = 5000)
    void nonAsciiRunEndWalksExactlyWhatTheJdkDecoderAccepts(@ForAll("cjkish") byte[] b) {
        boolean walked = true;
        for (int p = 0; p < b.length && walked; ) {
            int c = b[p] & 0xFF;
            if (c < 0x80) {
                p++;
            } else {
                int q = JsonBytes.nonAsciiRunEnd(b, p, c, b.length);
                walked = q != JsonBytes.INVALID;
                if (walked) {
                    assertThat(q).isGreaterThan(p);
                    assertThat(q == b.length || b[q] >= 0).as("stops at the first ASCII byte").isTrue();
                }
                p = q;
            }
        }
        assertThat(walked).as(HexFormat.of().formatHex(b)).isEqualTo(jdkDecodes(b));
    }

    @Property(tries = 5000)
    void specialFlagsExactlyTheBytesAStringScanMustLookAt(@ForAll long w) {
        boolean any = false;
        for (int i = 0; i < 8; i++) {
            int c = (int) (w >>> (8 * i)) & 0xFF;
            any |= c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
        }
        assertThat(JsonBytes.special(w)).as(Long.toHexString(w)).isEqualTo(any);
    }

    private static boolean jdkDecodes(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Runs of 3-byte sequences around the E0 / ED boundaries (the one-load fast step), some ASCII and stray bytes. */
    @Provide
    Arbitrary<byte[]> cjkish() {
        Arbitrary<byte[]> triple = Arbitraries.of(0xE0, 0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF).flatMap(lead ->
                Arbitraries.of(0x80, 0x9F, 0xA0, 0xBF, 0x41).flatMap(second ->
                        Arbitraries.of(0x80, 0xBF, 0x41, 0xC0).map(third ->
                                new byte[] {(byte) (int) lead, (byte) (int) second, (byte) (int) third})));
        Arbitrary<byte[]> single = Arbitraries.of(0x41, 0x22, 0x80, 0xC2, 0xF0).map(x -> new byte[] {(byte) (int) x});
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, triple), net.jqwik.api.Tuple.of(1, single))
                .list().ofMaxSize(10).map(parts -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    parts.forEach(out::writeBytes);
                    return out.toByteArray();
                });
    }

    /** Mostly lead and continuation bytes around the boundaries of table 3-7, some ASCII. */
    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Integer> interesting = Arbitraries.of(0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 255);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, interesting), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(12).map(l -> {
                    byte[] b = new byte[l.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = (byte) (int) l.get(i);
                    }
                    return b;
                });
    }
}
