package cn.ydcx.gateway.jcs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for writers that emit RFC 8785 canonical JSON themselves (e.g. from a
 * typed record with pre-sorted keys) instead of going through a Jackson tree. Several documents
 * may be appended one after another (the records of a batch), each then being the range
 * between two {@link #length()}s: that is what a hash over many records at once consumes.
 * Not thread-safe.
 */
public final class JcsBuffer {
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
     * requires I-JSON); the buffer's length is then unchanged.
     */
    public void string(String s) {
        int n = s.length();
        ensure(JcsStrings.MAX_BYTES_PER_CHAR * n + 2);
        buf[len] = '"';
        int p = (int) JcsStrings.encode(s, 0, n, buf, len + 1); // throws before len moves
        buf[p++] = '"';
        len = p;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
