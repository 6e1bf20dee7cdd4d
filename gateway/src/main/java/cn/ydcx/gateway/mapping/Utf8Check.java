package cn.ydcx.gateway.mapping;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation of a byte range, accepting exactly what the JDK's UTF-8 decoder with
 * {@code CodingErrorAction.REPORT} accepts (Unicode Table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF, no truncated sequence). Lets a JSON line be parsed from its
 * bytes without first decoding it into chars just to find out whether it is valid.
 */
final class Utf8Check {
    /** Not valid UTF-8. */
    static final int INVALID = 0;
    /** Valid UTF-8 without NUL bytes. */
    static final int VALID = 1;
    /** Valid UTF-8 containing a NUL byte. */
    static final int VALID_WITH_NUL = 2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8Check() {
    }

    static int check(byte[] b, int off, int len) {
        boolean nul = false;
        int end = off + len;
        int i = off;
        while (i < end) {
            // ASCII runs (keys, digits, punctuation) eight bytes at a time
            while (i + 8 <= end) {
                long v = (long) LONGS.get(b, i);
                if ((v & 0x8080808080808080L) != 0) {
                    break;
                }
                nul |= ((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0; // has a zero byte
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int c = b[i];
            if (c > 0) {
                i++;
                continue;
            }
            if (c == 0) {
                nul = true;
                i++;
                continue;
            }
            c &= 0xFF;
            if (c < 0xC2 || c > 0xF4) {
                return INVALID; // continuation byte as lead, overlong 2-byte lead, or beyond U+10FFFF
            }
            if (c < 0xE0) {
                if (i + 1 >= end || !cont(b[i + 1])) {
                    return INVALID;
                }
                i += 2;
                continue;
            }
            if (c < 0xF0) {
                if (i + 2 >= end) {
                    return INVALID;
                }
                int c1 = b[i + 1] & 0xFF;
                if (c != 0xE0 && c != 0xED && ((c1 & 0xC0) | ((b[i + 2] & 0xC0) << 8)) == 0x8080) {
                    i += 3; // the common case, CJK: E1–EC, EE, EF plus two continuation bytes
                    continue;
                }
                // E0: no overlong (second byte ≥ A0); ED: no surrogates (second byte < A0)
                int lo = c == 0xE0 ? 0xA0 : 0x80;
                int hi = c == 0xED ? 0x9F : 0xBF;
                if (c1 < lo || c1 > hi || !cont(b[i + 2])) {
                    return INVALID;
                }
                i += 3;
                continue;
            }
            if (i + 3 >= end) {
                return INVALID;
            }
            int c1 = b[i + 1] & 0xFF;
            // F0: no overlong (second byte ≥ 90); F4: not beyond U+10FFFF (second byte < 90)
            int lo = c == 0xF0 ? 0x90 : 0x80;
            int hi = c == 0xF4 ? 0x8F : 0xBF;
            if (c1 < lo || c1 > hi || !cont(b[i + 2]) || !cont(b[i + 3])) {
                return INVALID;
            }
            i += 4;
        }
        return nul ? VALID_WITH_NUL : VALID;
    }

    private static boolean cont(byte x) {
        return (x & 0xC0) == 0x80;
    }
}
