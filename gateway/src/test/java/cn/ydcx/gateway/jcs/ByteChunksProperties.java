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
 * {@link ByteChunks#best()} (vector lanes when the JVM has them, as in this build's tests)
 * answers exactly as the plain loops for every range of an array, edges included; and what
 * "no odd byte" promises holds: an ASCII-framed range without odd bytes has no control
 * character or backslash and is UTF-8 the JDK decoder accepts. Inputs mix ASCII, quotes,
 * Chinese, two-byte letters and every byte that needs care; half of them are well-formed text,
 * so that both answers of {@code anyOdd} are common.
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
        int n = 1 + r.nextInt(300);
        byte[] b = r.nextBoolean() ? bytes(r, n) : wellFormed(r, n);
        ByteChunks best = ByteChunks.best();
        ByteChunks plain = ByteChunks.scalar();
        for (int i = 0; i < 30; i++) {
            int from = r.nextInt(b.length + 1);
            // short and long ranges, many ending at the array's end
            int to = r.nextInt(4) == 0 ? b.length : from + r.nextInt(b.length - from + 1);
            int quote = plain.nextQuote(b, from, to);
            boolean odd = plain.anyOdd(b, from, to);
            assertThat(best.nextQuote(b, from, to)).as("nextQuote [%d, %d) of %s", from, to, hex(b)).isEqualTo(quote);
            assertThat(best.anyOdd(b, from, to)).as("anyOdd [%d, %d) of %s", from, to, hex(b)).isEqualTo(odd);
            Statistics.label("odd").collect(odd);
            Statistics.label("quote").collect(quote >= 0);
        }
    }

    @Example
    void aQuoteAtOrAfterTheLimitIsNotFound() {
        byte[] b = ("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\"").getBytes(StandardCharsets.US_ASCII);
        for (ByteChunks c : new ByteChunks[] {ByteChunks.best(), ByteChunks.scalar()}) {
            int q = b.length - 1;
            assertThat(c.nextQuote(b, 0, b.length)).isEqualTo(q);
            assertThat(c.nextQuote(b, 0, q)).isEqualTo(-1);
            assertThat(c.nextQuote(b, 3, q + 1)).isEqualTo(q);
            assertThat(c.nextQuote(b, q, q)).isEqualTo(-1);
        }
    }

    @Property(tries = 5000)
    void noOddByteMeansPlainWellFormedText(@ForAll long seed) {
        Random r = new Random(seed);
        int n = r.nextInt(200);
        byte[] b = new byte[n + 4];
        b[0] = 'x';
        b[1] = '{';
        byte[] inner = r.nextBoolean() ? bytes(r, n) : wellFormed(r, n);
        if (n > 0 && r.nextInt(3) == 0) {
            inner[r.nextInt(n)] = SPECIAL[r.nextInt(SPECIAL.length)]; // one byte that needs care, or a stray one
        }
        System.arraycopy(inner, 0, b, 2, n);
        b[n + 2] = '}';
        b[n + 3] = r.nextBoolean() ? (byte) ',' : (byte) 0xE4; // after the range: anything
        int from = 1;
        int to = n + 3;
        boolean odd = ByteChunks.best().anyOdd(b, from, to);
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

    /** Well-formed UTF-8: whole characters of the sample text. */
    static byte[] wellFormed(Random r, int n) {
        byte[] b = new byte[n];
        int i = 0;
        while (i < n) {
            int cp = TEXT.codePointAt(r.nextInt(TEXT.length()));
            byte[] c = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (i + c.length > n) {
                c = new byte[] {'a'};
            }
            System.arraycopy(c, 0, b, i, c.length);
            i += c.length;
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
