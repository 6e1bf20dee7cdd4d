package cn.ydcx.gateway.jcs;

import java.nio.charset.StandardCharsets;

/**
 * The body of a JCS string (RFC 8785 §3.2.2.2: ECMAScript JSON.stringify escaping, UTF-8), written
 * into a byte array: the one encoder behind {@link JcsWriter} (trees, streamed) and
 * {@link JcsBuffer} (typed records).
 */
final class JcsStrings {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** 0: as is; 'u': \\u00XX; otherwise the letter after the backslash. */
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = 'u';
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\b'] = 'b';
        ESCAPE['\f'] = 'f';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
        ESCAPE['\t'] = 't';
    }

    private JcsStrings() {
    }

    /** Bytes {@link #encode} may write per char: a \\u00XX escape; a surrogate pair takes 4 for 2 chars. */
    static final int MAX_BYTES_PER_CHAR = 6;

    /**
     * Encodes {@code s[from, to)} into {@code b} from {@code p}; a surrogate pair that starts at
     * {@code to - 1} is taken whole (its 4 bytes fit in the room of the char before {@code to}).
     * The caller reserves {@link #MAX_BYTES_PER_CHAR} × (to − from) bytes.
     *
     * @return (index of the next char to encode) &lt;&lt; 32 | (next write position)
     * @throws IllegalArgumentException for a lone surrogate (RFC 8785 requires I-JSON)
     */
    static long encode(String s, int from, int to, byte[] b, int p) {
        int n = s.length();
        int i = from;
        while (i < to) {
            char c = s.charAt(i++);
            if (c < 0x80) {
                byte e = ESCAPE[c];
                if (e == 0) {
                    b[p++] = (byte) c;
                } else if (e == 'u') {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xF];
                } else {
                    b[p++] = '\\';
                    b[p++] = e;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                if (Character.isLowSurrogate(c)) {
                    throw new IllegalArgumentException("JCS: lone low surrogate at string index " + (i - 1));
                }
                if (i >= n || !Character.isLowSurrogate(s.charAt(i))) {
                    throw new IllegalArgumentException("JCS: lone high surrogate at string index " + (i - 1));
                }
                int cp = Character.toCodePoint(c, s.charAt(i++));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        return ((long) i << 32) | p;
    }
}
