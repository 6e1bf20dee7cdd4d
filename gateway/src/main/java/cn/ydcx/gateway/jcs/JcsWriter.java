package cn.ydcx.gateway.jcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 8785 writer producing UTF-8 bytes directly: no intermediate String, StringBuilder or
 * {@code getBytes} copy, no list of map entries per object. Output goes to a growable byte
 * buffer, or through a fixed buffer into a {@link MessageDigest} / {@link OutputStream}.
 * Object members are gathered on a reusable stack; for objects of up to 32 members the sort
 * order and the encoded {@code "key":} bytes come from a per-thread cache of key sequences
 * (records of one batch share a handful), so keys are neither re-sorted nor re-encoded.
 * One instance per thread (see {@link Jcs}); not thread-safe, and reset by every {@code begin*}.
 *
 * <p>Must produce exactly {@code Jcs.canonicalString(node).getBytes(UTF_8)}, which stays the
 * plain reference implementation (checked by {@code JcsBytesProperties}).
 */
final class JcsWriter {
    /** Initial and flush size; ≥ 6 × {@link #CHUNK} + 8 so one string chunk always fits. */
    static final int BUFFER = 8192;
    /** A buffer grown beyond this by one big document is dropped after use. */
    private static final int KEEP_MAX = 1 << 20;
    /** Characters of a string encoded per capacity check (each needs ≤ 6 bytes). */
    private static final int CHUNK = 1024;
    /** Objects with at most this many members go through the shape cache. */
    private static final int SHAPE_MAX_MEMBERS = 32;
    /** Shape cache slots (a power of two). */
    private static final int SHAPES = 256;
    /** Key sequences longer than this (in chars, all keys together) are not cached. */
    private static final int SHAPE_MAX_KEY_CHARS = 2048;

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private byte[] buf = new byte[BUFFER];
    private int pos;
    private MessageDigest md;
    private OutputStream os;
    boolean inUse;

    /** Member stack shared by all nested objects of one document. */
    private String[] keys = new String[64];
    private JsonNode[] values = new JsonNode[64];
    private int top;
    private final Shape[] shapes = new Shape[SHAPES];
    /** Slots [0, highWater) may hold references into the last document. */
    private int highWater;

    // ---- entry points

    /** The canonical bytes of node as a new array. */
    byte[] toBytes(JsonNode node) {
        begin(null, null);
        try {
            value(node);
            return Arrays.copyOf(buf, pos);
        } finally {
            end();
        }
    }

    void update(MessageDigest digest, JsonNode node) {
        begin(digest, null);
        try {
            value(node);
            flush();
        } finally {
            end();
        }
    }

    void writeTo(OutputStream out, JsonNode node) {
        begin(null, out);
        try {
            value(node);
            flush();
        } finally {
            end();
        }
    }

    private void begin(MessageDigest digest, OutputStream out) {
        md = digest;
        os = out;
        pos = 0;
        top = 0;
    }

    private void end() {
        md = null;
        os = null;
        pos = 0;
        if (buf.length > KEEP_MAX) {
            buf = new byte[BUFFER];
        }
        // drop references into the caller's tree
        Arrays.fill(keys, 0, highWater, null);
        Arrays.fill(values, 0, highWater, null);
        highWater = 0;
        if (keys.length > 4096) {
            keys = new String[64];
            values = new JsonNode[64];
        }
        top = 0;
    }

    // ---- buffer

    private void flush() {
        if (pos == 0) {
            return;
        }
        if (md != null) {
            md.update(buf, 0, pos);
        } else if (os != null) {
            try {
                os.write(buf, 0, pos);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            return; // growing mode keeps everything
        }
        pos = 0;
    }

    /** Room for n more bytes (n ≤ BUFFER when streaming). */
    private void ensure(int n) {
        if (pos + n <= buf.length) {
            return;
        }
        if (md != null || os != null) {
            flush();
            if (n <= buf.length) {
                return;
            }
        }
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }

    private void raw(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** A string known to be plain ASCII needing no escapes (numbers). */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    // ---- values

    private void value(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("JCS: cannot canonicalize a missing (Java null) node");
        }
        switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> {
                raw((byte) '[');
                int n = node.size();
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        raw((byte) ',');
                    }
                    value(node.get(i));
                }
                raw((byte) ']');
            }
            case STRING -> string(node.textValue());
            case NUMBER -> ascii(node.isIntegralNumber()
                    ? (node.canConvertToLong() ? Long.toString(node.longValue()) : node.bigIntegerValue().toString())
                    : Jcs.numberToString(node.doubleValue()));
            case BOOLEAN -> raw(node.booleanValue() ? TRUE : FALSE);
            case NULL -> raw(NULL);
            default -> throw new IllegalArgumentException("JCS: unsupported JSON node type " + node.getNodeType());
        }
    }

    private void object(JsonNode node) {
        int n = node.size();
        int base = top;
        if (base + n > keys.length) {
            int cap = Math.max(keys.length * 2, base + n);
            keys = Arrays.copyOf(keys, cap);
            values = Arrays.copyOf(values, cap);
        }
        String[] k = keys;
        JsonNode[] v = values;
        int end = base;
        int h = n;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            h = 31 * h + key.hashCode();
            k[end] = key;
            v[end] = e.getValue();
            end++;
        }
        if (end > highWater) {
            highWater = end;
        }
        top = end; // nested objects push above this one's members
        raw((byte) '{');
        Shape shape = n <= SHAPE_MAX_MEMBERS ? shape(k, base, n, h) : null;
        if (shape != null) {
            byte[][] prefix = shape.prefix;
            int[] order = shape.order;
            for (int j = 0; j < n; j++) {
                raw(prefix[j]);
                value(v[base + order[j]]);
            }
        } else {
            sort(k, v, base, end);
            for (int i = base; i < end; i++) {
                if (i > base) {
                    raw((byte) ',');
                }
                string(k[i]);
                raw((byte) ':');
                value(v[i]);
            }
        }
        raw((byte) '}');
        top = base;
    }

    /**
     * The sort order and encoded member prefixes for the key sequence k[base, base + n), from a
     * small direct-mapped cache: records of one batch share a few key sequences (same keys in
     * the same order), so each is sorted and encoded once per thread instead of per object.
     * A cached shape is used only when its key sequence equals this one exactly.
     */
    private Shape shape(String[] k, int base, int n, int h) {
        int slot = (h ^ (h >>> 16)) & (SHAPES - 1);
        Shape s = shapes[slot];
        if (s != null && s.matches(k, base, n)) {
            return s;
        }
        int chars = 0;
        for (int i = base; i < base + n; i++) {
            chars += k[i].length();
        }
        if (chars > SHAPE_MAX_KEY_CHARS) {
            return null; // not worth keeping per thread: sort and encode in place
        }
        s = Shape.of(k, base, n);
        shapes[slot] = s;
        return s;
    }

    /** One object key sequence: input order, sorted order, and the bytes written before each value. */
    private static final class Shape {
        final String[] keys;
        /** order[j] = input index of the j-th member in RFC 8785 order. */
        final int[] order;
        /** prefix[j] = (j > 0 ? "," : "") + JCS(key) + ":" of the j-th member in RFC 8785 order. */
        final byte[][] prefix;

        private Shape(String[] keys, int[] order, byte[][] prefix) {
            this.keys = keys;
            this.order = order;
            this.prefix = prefix;
        }

        boolean matches(String[] k, int base, int n) {
            if (keys.length != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                String a = keys[i];
                String b = k[base + i];
                if (a != b && !a.equals(b)) { // parsed keys are usually the same interned instance
                    return false;
                }
            }
            return true;
        }

        static Shape of(String[] k, int base, int n) {
            String[] input = Arrays.copyOfRange(k, base, base + n);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // insertion sort of the indices by key; String.compareTo compares UTF-16 code
            // units, exactly what RFC 8785 §3.2.3 asks for
            for (int i = 1; i < n; i++) {
                int x = order[i];
                int j = i - 1;
                while (j >= 0 && input[order[j]].compareTo(input[x]) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = x;
            }
            byte[][] prefix = new byte[n][];
            for (int j = 0; j < n; j++) {
                StringBuilder sb = new StringBuilder(input[order[j]].length() + 4);
                if (j > 0) {
                    sb.append(',');
                }
                Jcs.writeString(input[order[j]], sb); // refuses lone surrogates
                sb.append(':');
                prefix[j] = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return new Shape(input, order, prefix);
        }
    }

    /** Sorts the members [from, to) by key (large or uncached objects; TimSort: linear when already sorted). */
    private static void sort(String[] k, JsonNode[] v, int from, int to) {
        Integer[] order = new Integer[to - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        Arrays.sort(order, (a, b) -> k[a].compareTo(k[b]));
        String[] ks = new String[order.length];
        JsonNode[] vs = new JsonNode[order.length];
        for (int i = 0; i < order.length; i++) {
            ks[i] = k[order[i]];
            vs[i] = v[order[i]];
        }
        System.arraycopy(ks, 0, k, from, ks.length);
        System.arraycopy(vs, 0, v, from, vs.length);
    }

    /** ECMAScript JSON.stringify string escaping, UTF-8 encoded; lone surrogates are refused. */
    private void string(String s) {
        int len = s.length();
        raw((byte) '"');
        int i = 0;
        while (i < len) {
            // chunks, so that streaming into a digest or stream never needs more than the buffer
            int chunkEnd = Math.min(len, i + CHUNK);
            ensure(JcsStrings.MAX_BYTES_PER_CHAR * (chunkEnd - i));
            long next = JcsStrings.encode(s, i, chunkEnd, buf, pos);
            i = (int) (next >>> 32);
            pos = (int) next;
        }
        raw((byte) '"');
    }
}
