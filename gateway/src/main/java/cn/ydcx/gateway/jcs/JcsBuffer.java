package cn.ydcx.gateway.jcs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for writers that emit RFC 8785 canonical JSON themselves (e.g. from a
 * typed record with pre-sorted keys) instead of going through a Jackson tree. Several documents
 * may be appended one after another (the records of a batch), each then being the range
 * between two {@link #length()}s: that is what a hash over many records at once consumes.
 * Not thread-safe.
 */
public final class JcsBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** For ASCII c: 0 = copy as is, 'u' = \\u00XX, else the character after the backslash. */
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

    private byte[] buf;
    private int len;

    public JcsBuffer() {
        this(1024);
    }

    public JcsBuffer(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Bytes written so far. */
    public int length() {
        return len;
    }

    /** The backing array; bytes [0, length()) are valid until the next write. */
    public byte[] array() {
        return buf;
    }

    /** A copy of bytes [from, to). */
    public byte[] copy(int from, int to) {
        return Arrays.copyOfRange(buf, from, to);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Empties the buffer, keeping its array unless a big document grew it beyond {@code keepMax}. */
    public void reset(int keepMax) {
        len = 0;
        if (buf.length > keepMax) {
            buf = new byte[Math.max(16, keepMax)];
        }
    }

    /** Drops everything after the first {@code length} bytes (undo of a failed document). */
    public void truncate(int length) {
        if (length < 0 || length > len) {
            throw new IllegalArgumentException("cannot truncate " + len + " bytes to " + length);
        }
        len = length;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    public void raw(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    public void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    /**
     * {@code s} as a JSON string: ECMAScript JSON.stringify escaping (RFC 8785 §3.2.2.2), UTF-8.
     * A lone surrogate is refused with IllegalArgumentException, as {@link Jcs} does (RFC 8785
     * requires I-JSON); the buffer then holds a partial string (callers {@link #truncate}).
     */
    public void string(String s) {
        int n = s.length();
        ensure(6 * n + 2); // worst case: every char a \\u00XX escape
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
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
                    len = p;
                    throw new IllegalArgumentException("JCS: lone low surrogate at string index " + i);
                }
                if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    len = p;
                    throw new IllegalArgumentException("JCS: lone high surrogate at string index " + i);
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        b[p++] = '"';
        len = p;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
