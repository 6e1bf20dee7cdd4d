package cn.ydcx.gateway.jcs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-level steps shared by the scanners that read JSON straight from UTF-8 bytes
 * ({@link CanonicalScanner} for received batches, {@code mapping.JsonLinesFastPath} for SH
 * lines), so that both accept exactly the same strings.
 */
public final class JsonBytes {
    /** {@link #utf8End}'s answer for a byte sequence that is not well-formed UTF-8. */
    public static final int INVALID = -1;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private JsonBytes() {
    }

    /**
     * Whether any of the 8 bytes in w needs a closer look inside a JSON string: ≥ 0x80, < 0x20,
     * '"' or '\\'. The usual SWAR zero-byte tests: (x - 0x01..) &amp; ~x &amp; 0x80.. is non-zero iff
     * some byte of x is 0 (and (x - 0x20..) &amp; ~x &amp; 0x80.. iff some byte is below 0x20); exact
     * as an "any" answer.
     */
    public static boolean special(long w) {
        long quote = w ^ 0x2222222222222222L;
        long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
        long any = w
                | ((w - 0x2020202020202020L) & ~w)
                | ((quote - ONES) & ~quote)
                | ((backslash - ONES) & ~backslash);
        return (any & HIGHS) != 0;
    }

    /**
     * One well-formed UTF-8 sequence (Unicode table 3-7, the JDK decoder's verdict: no overlong
     * forms, no surrogates, at most U+10FFFF, nothing cut off by {@code end}) starting with lead
     * byte {@code c} = b[p] &amp; 0xFF; returns the index after it, or {@link #INVALID}.
     */
    public static int utf8End(byte[] b, int p, int c, int end) {
        if (c >= 0xE1 && c <= 0xEC && p + 2 < end && cont(b[p + 1]) && cont(b[p + 2])) {
            return p + 3; // most CJK: no overlong or surrogate form starts with these leads
        }
        if (c < 0xC2 || c > 0xF4) {
            return INVALID; // continuation byte, overlong 2-byte lead, or beyond U+10FFFF
        }
        if (c < 0xE0) {
            return p + 1 < end && cont(b[p + 1]) ? p + 2 : INVALID;
        }
        if (p + 2 >= end) {
            return INVALID;
        }
        int c1 = b[p + 1] & 0xFF;
        if (c < 0xF0) {
            boolean second = c == 0xE0 ? c1 >= 0xA0 && c1 <= 0xBF      // no overlong
                    : c == 0xED ? c1 >= 0x80 && c1 <= 0x9F             // no surrogates
                    : c1 >= 0x80 && c1 <= 0xBF;
            return second && cont(b[p + 2]) ? p + 3 : INVALID;
        }
        if (p + 3 >= end) {
            return INVALID;
        }
        boolean second = c == 0xF0 ? c1 >= 0x90 && c1 <= 0xBF          // no overlong
                : c == 0xF4 ? c1 >= 0x80 && c1 <= 0x8F                 // ≤ U+10FFFF
                : c1 >= 0x80 && c1 <= 0xBF;
        return second && cont(b[p + 2]) && cont(b[p + 3]) ? p + 4 : INVALID;
    }

    /**
     * The end of the run of non-ASCII characters starting with lead byte {@code c} = b[p] &amp; 0xFF
     * (e.g. Chinese text), each checked as by {@link #utf8End}: the index of the first ASCII byte
     * after it (or {@code end}), or {@link #INVALID}.
     */
    public static int nonAsciiRunEnd(byte[] b, int p, int c, int end) {
        do {
            if (p + 4 <= end) {
                // one load for the usual 3-byte character: lead E1..EC or EE..EF, two continuations
                int v = (int) INTS.get(b, p);
                if ((v & 0xC0C0F0) == 0x8080E0 && c != 0xE0 && c != 0xED) {
                    p += 3;
                    continue;
                }
            }
            p = utf8End(b, p, c, end);
        } while (p >= 0 && p < end && (c = b[p] & 0xFF) >= 0x80);
        return p;
    }

    private static boolean cont(byte x) {
        return (x & 0xC0) == 0x80;
    }
}
