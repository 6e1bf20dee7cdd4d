package cn.ydcx.gateway.jcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link ByteChunks#best()} (vector lanes when the JVM has them, as in this build's tests) with
 * its {@link ByteChunks#plain()} for the array's edges, as ChunkedWalk uses them, answers
 * exactly as the plain loops at every offset; and what "no odd byte" promises holds: an ASCII-framed
 * range without odd bytes has no control character or backslash and is UTF-8 the JDK decoder
 * accepts. Inputs mix ASCII, quotes, Chinese, two-byte letters and every byte that needs care.
 */
class ByteChunksProperties {
    private static final String TEXT = "\"宁波市市场监督管理局罚款人民币元甬〔〕号《》，。é\"ab,:{}[]0";
    private static final byte[] SPECIAL = {(byte) 0x80, (byte) 0x9F, (byte) 0xA0, (byte) 0xBF, (byte) 0xC0,
        (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xE1, (byte) 0xEC, (byte) 0xED, (byte) 0xEE,
        (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, 0x00, 0x1F, 0x20, 0x7F, '\\', '"'};

    @Example
    void theTestsRunWithTheVectorImplementation() {
        // surefire adds the vector module (gateway/pom.xml): without it these properties and the
        // scanner's would only compare the plain loops with themselves
        assertThat(ByteChunks.best().vectorized()).isTrue();
        assertThat(new CanonicalScanner("a").scan("{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8), 0, 9)).isEqualTo(9);
    }

    @Property(tries = 3000)
    void vectorAnswersAsThePlainLoops(@ForAll long seed) {
        Random r = new Random(seed);
        byte[] b = bytes(r, 1 + r.nextInt(300));
        ByteChunks best = ByteChunks.best();
        ByteChunks plain = new ByteChunks(best.width());
        Statistics.label("vectorized").collect(best.vectorized());
        for (int base = 0; base < b.length; base += 1 + r.nextInt(7)) {
            ByteChunks c = best.interior(b, base) ? best : best.plain(); // as ChunkedWalk does
            assertThat(c.quotes(b, base)).as("quotes at %d", base).isEqualTo(plain.quotes(b, base));
            assertThat(c.firstOdd(b, base)).as("firstOdd at %d", base).isEqualTo(plain.firstOdd(b, base));
            int[] odd = {-1};
            assertThat(c.quotesAndFirstOdd(b, base, odd)).as("fused quotes at %d", base)
                    .isEqualTo(plain.quotes(b, base));
            assertThat(odd[0]).as("fused firstOdd at %d", base).isEqualTo(plain.firstOdd(b, base));
        }
    }

    @Property(tries = 5000)
    void noOddByteMeansPlainWellFormedText(@ForAll long seed) {
        Random r = new Random(seed);
        int n = r.nextInt(200);
        byte[] b = new byte[n + 4];
        b[0] = 'x';
        b[1] = '{';
        System.arraycopy(bytes(r, n), 0, b, 2, n);
        b[n + 2] = '}';
        b[n + 3] = r.nextBoolean() ? (byte) ',' : (byte) 0xE4; // after the range: anything
        int from = 1;
        int to = n + 3;
        ByteChunks best = ByteChunks.best();
        boolean odd = false;
        for (int base = from; base < to && !odd; base += best.width()) {
            ByteChunks chunks = best.interior(b, base) ? best : best.plain();
            int i = chunks.firstOdd(b, base);
            odd = i < chunks.width() && base + i < to;
        }
        boolean plain = plainText(b, from, to);
        Statistics.label("odd byte").collect(odd);
        if (!odd) {
            assertThat(plain).as(hex(b)).isTrue();
        }
    }

    /** No byte below 0x20, no backslash, and the JDK decoder's verdict. */
    private static boolean plainText(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xFF) < 0x20 || b[i] == '\\') {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Mostly well-formed text, sometimes spoilt by a byte that needs care. */
    static byte[] bytes(Random r, int n) {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[n];
        int i = 0;
        while (i < n) {
            if (r.nextInt(25) == 0) {
                b[i++] = SPECIAL[r.nextInt(SPECIAL.length)];
                continue;
            }
            int from = r.nextInt(text.length);
            int len = Math.min(n - i, 1 + r.nextInt(12));
            for (int k = 0; k < len; k++) {
                b[i++] = text[(from + k) % text.length];
            }
        }
        return b;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
