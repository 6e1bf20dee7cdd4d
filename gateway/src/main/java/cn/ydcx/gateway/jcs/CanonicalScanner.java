package cn.ydcx.gateway.jcs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Answers, without building a tree, whether the bytes of one received JSON value are already
 * exactly what {@link Jcs#canonicalize} would write for it, so that a verifier can hash the
 * received bytes as the leaf instead of re-serialising a parsed tree (issue 4).
 *
 * <p>Soundness matters, completeness does not: {@link #scan} may answer {@link #NOT_CANONICAL}
 * for some canonical input (the caller then takes the tree path), but must never accept a slice
 * whose JCS differs from it. It therefore accepts only a safe subset of RFC 8785 output:
 * <ul>
 *   <li>no whitespace anywhere; literals {@code true false null};</li>
 *   <li>integers {@code -?(0|[1-9][0-9]{0,14})} except {@code -0} (exact in a double and printed
 *       the same by JcsWriter); any fraction or exponent counts as not canonical;</li>
 *   <li>strings in valid UTF-8 (no overlong forms, no surrogates, ≤ U+10FFFF) whose only escapes
 *       are JcsWriter's: {@code \" \\ \b \f \n \r \t} and lowercase <code>&#92;u00xx</code> for the other
 *       controls below 0x20; every other character literal (so {@code \/}, <code>&#92;u4e2d</code> or a
 *       raw control character are refused);</li>
 *   <li>object keys of printable ASCII without escapes, at most {@value #MAX_KEY_BYTES} bytes,
 *       strictly increasing (byte order = UTF-16 order for ASCII; strictness excludes duplicate
 *       keys, whose JCS would keep only one member);</li>
 *   <li>nesting up to {@value #MAX_DEPTH} levels, strings up to {@value #MAX_STRING_BYTES}
 *       bytes: well inside Jackson's read constraints, so an accepted slice is one Jackson also
 *       accepts inside a batch document.</li>
 * </ul>
 * An accepted slice is therefore valid JSON, and parsing it then applying JCS gives it back.
 *
 * <p>Two passes: with vector instructions ({@link ByteChunks#best()}), {@link ChunkedWalk} tries
 * first and answers for the usual record (no escape, no byte that needs a closer look), learning
 * the records' shapes as it goes; it never accepts what the careful byte-by-byte pass below
 * would not, so whatever it leaves is scanned, and decided, here.
 *
 * <p>While scanning, the values of chosen top-level members (e.g. a record's source and
 * recordId) are reported as byte ranges when they are strings without escapes, i.e. when their
 * raw bytes are the UTF-8 of the value; this saves a second look for the per-record checks.
 * One instance per thread; not thread-safe.
 */
public final class CanonicalScanner {
    /** {@link #scan}'s answer for a slice that is not (known to be) canonical. */
    public static final int NOT_CANONICAL = -1;
    static final int MAX_DEPTH = 32;
    static final int MAX_KEY_BYTES = 1000;
    static final int MAX_STRING_BYTES = 1 << 20;
    /** Largest number of integer digits accepted (< 2^53, so a double holds it exactly). */
    private static final int MAX_DIGITS = 15;

    /** Per byte inside a string: 0 = plain (copied as is by JcsWriter), 1 = needs a closer look. */
    private static final byte[] STRING_CLASS = new byte[256];
    /** Bytes allowed in a key: printable ASCII except '"' and '\\'. */
    private static final boolean[] KEY_BYTE = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            STRING_CLASS[c] = (byte) (c < 0x20 || c == '"' || c == '\\' || c >= 0x80 ? 1 : 0);
            KEY_BYTE[c] = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** The fast pass, or null when this JVM has no vector instructions for it. */
    private final ChunkedWalk chunked;
    private final byte[][] fields;
    private final int[] fieldStart;
    private final int[] fieldEnd;
    private byte[] b;
    private int limit;
    /** Set by {@link #string}: whether the last string had an escape. */
    private boolean escaped;

    /** @param topLevelStringFields member names whose plain string values {@link #fieldStart} reports */
    public CanonicalScanner(String... topLevelStringFields) {
        this(ByteChunks.best(), topLevelStringFields);
    }

    /**
     * @param chunks the bulk steps of the fast pass ({@link ByteChunks#best()}); without vector
     *     instructions only the careful byte-by-byte pass runs, as it is then the faster one
     */
    public CanonicalScanner(ByteChunks chunks, String... topLevelStringFields) {
        fields = new byte[topLevelStringFields.length][];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = topLevelStringFields[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        fieldStart = new int[fields.length];
        fieldEnd = new int[fields.length];
        chunked = chunks.vectorized() ? new ChunkedWalk(chunks, fields, fieldStart, fieldEnd) : null;
    }

    /**
     * Scans the JSON value starting at {@code start} (no leading whitespace) and not extending
     * past {@code limit}.
     *
     * @return the index just after the value when it is in canonical form, else {@link #NOT_CANONICAL}
     */
    public int scan(byte[] bytes, int start, int limit) {
        if (chunked != null) {
            // The fast pass (ChunkedWalk) accepts only what this careful one would, and most
            // canonical records; whatever it does not accept is scanned again, and decided, here.
            int end = chunked.scan(bytes, start, limit);
            if (end >= 0) {
                return end;
            }
        }
        this.b = bytes;
        this.limit = limit;
        Arrays.fill(fieldStart, -1);
        Arrays.fill(fieldEnd, -1);
        try {
            return value(start, 0);
        } finally {
            this.b = null;
        }
    }

    /**
     * Start (just after the opening quote) of the i-th requested field's string value in the
     * last scan, or -1 when the value was absent, not a string, or had an escape. Meaningful
     * only after a scan that returned canonical.
     */
    public int fieldStart(int i) {
        return fieldStart[i];
    }

    /** End (the closing quote's index) of the i-th requested field's string value; see {@link #fieldStart}. */
    public int fieldEnd(int i) {
        return fieldEnd[i];
    }

    private int value(int p, int depth) {
        if (p >= limit) {
            return NOT_CANONICAL;
        }
        return switch (b[p]) {
            case '{' -> object(p, depth + 1);
            case '[' -> array(p, depth + 1);
            case '"' -> string(p);
            case 't' -> literal(p, 't', 'r', 'u', 'e');
            case 'f' -> b[p + 1 < limit ? p + 1 : p] == 'a' ? literal(p + 1, 'a', 'l', 's', 'e') : NOT_CANONICAL;
            case 'n' -> literal(p, 'n', 'u', 'l', 'l');
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(p);
            default -> NOT_CANONICAL;
        };
    }

    /** A number or literal at p, as {@link #value} reads it; the fast walk's way to them. */
    static int scalar(byte[] b, int p, int limit) {
        return switch (b[p]) {
            case 't' -> literal(b, p, limit, 't', 'r', 'u', 'e');
            case 'f' -> b[p + 1 < limit ? p + 1 : p] == 'a' ? literal(b, p + 1, limit, 'a', 'l', 's', 'e') : NOT_CANONICAL;
            case 'n' -> literal(b, p, limit, 'n', 'u', 'l', 'l');
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(b, p, limit);
            default -> NOT_CANONICAL;
        };
    }

    private int literal(int p, char c0, char c1, char c2, char c3) {
        return literal(b, p, limit, c0, c1, c2, c3);
    }

    static int literal(byte[] b, int p, int limit, char c0, char c1, char c2, char c3) {
        if (p + 4 <= limit && b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2 && b[p + 3] == c3) {
            return p + 4;
        }
        return NOT_CANONICAL;
    }

    private int number(int p) {
        return number(b, p, limit);
    }

    static int number(byte[] b, int p, int limit) {
        int q = p;
        if (b[q] == '-') {
            q++;
        }
        int digitsStart = q;
        if (q >= limit) {
            return NOT_CANONICAL;
        }
        if (b[q] == '0') {
            // "0" only: "-0" reads back as 0, leading zeros are not JSON
            return q == p ? q + 1 : NOT_CANONICAL;
        }
        while (q < limit && b[q] >= '0' && b[q] <= '9') {
            q++;
        }
        int digits = q - digitsStart;
        // A following '.', 'e' or digit is refused by the caller, which accepts only , ] } next.
        return digits == 0 || digits > MAX_DIGITS ? NOT_CANONICAL : q;
    }

    private int array(int p, int depth) {
        if (depth > MAX_DEPTH) {
            return NOT_CANONICAL;
        }
        p++;
        if (p < limit && b[p] == ']') {
            return p + 1;
        }
        while (true) {
            p = value(p, depth);
            if (p < 0 || p >= limit) {
                return NOT_CANONICAL;
            }
            byte c = b[p++];
            if (c == ']') {
                return p;
            }
            if (c != ',') {
                return NOT_CANONICAL;
            }
        }
    }

    private int object(int p, int depth) {
        if (depth > MAX_DEPTH) {
            return NOT_CANONICAL;
        }
        p++;
        if (p < limit && b[p] == '}') {
            return p + 1;
        }
        int prevKey = -1;
        int prevKeyEnd = -1;
        while (true) {
            if (p >= limit || b[p] != '"') {
                return NOT_CANONICAL;
            }
            int key = p + 1;
            int keyEnd = keyEnd(key);
            if (keyEnd < 0) {
                return NOT_CANONICAL; // escape, non-ASCII, control character, too long or unterminated
            }
            // RFC 8785 §3.2.3 order; must be strictly after the previous key (no duplicates)
            if (prevKey >= 0 && !ascending(prevKey, prevKeyEnd, key, keyEnd)) {
                return NOT_CANONICAL;
            }
            prevKey = key;
            prevKeyEnd = keyEnd;
            p = keyEnd + 1;
            if (p >= limit || b[p] != ':') {
                return NOT_CANONICAL;
            }
            p++;
            int field = depth == 1 && p < limit && b[p] == '"' ? field(key, keyEnd) : -1;
            p = value(p, depth);
            if (p < 0) {
                return NOT_CANONICAL;
            }
            if (field >= 0 && !escaped) {
                fieldStart[field] = keyEnd + 3; // after '":"'
                fieldEnd[field] = p - 1;
            }
            if (p >= limit) {
                return NOT_CANONICAL;
            }
            byte c = b[p++];
            if (c == '}') {
                return p;
            }
            if (c != ',') {
                return NOT_CANONICAL;
            }
        }
    }

    /**
     * Index of the quote closing the key that starts at {@code key}, or -1 unless every byte
     * before it is printable ASCII other than '\\' and there are at most MAX_KEY_BYTES.
     * 8 bytes per step: in each SWAR mask the lowest flagged byte is exact, so comparing the
     * first quote with the first bad byte is too.
     */
    private int keyEnd(int key) {
        int q = key;
        int keyLimit = Math.min(limit, key + MAX_KEY_BYTES);
        while (q + 8 <= keyLimit) {
            long w = (long) LONGS.get(b, q);
            long quote = w ^ 0x2222222222222222L;
            long quotes = (quote - ONES) & ~quote & HIGHS;
            long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
            long del = w ^ 0x7F7F7F7F7F7F7F7FL;
            long bad = (w | ((w - 0x2020202020202020L) & ~w) | ((backslash - ONES) & ~backslash)
                    | ((del - ONES) & ~del)) & HIGHS;
            if (quotes != 0) {
                int at = Long.numberOfTrailingZeros(quotes);
                return bad != 0 && Long.numberOfTrailingZeros(bad) < at ? -1 : q + (at >>> 3);
            }
            if (bad != 0) {
                return -1;
            }
            q += 8;
        }
        while (q < keyLimit && KEY_BYTE[b[q] & 0xFF]) {
            q++;
        }
        return q < keyLimit && b[q] == '"' ? q : -1;
    }

    /**
     * Whether key b[k, kEnd) sorts strictly after b[prev, prevEnd) (bytes as unsigned; keys here
     * are ASCII). A plain loop: keys are short and mostly differ in their first bytes.
     */
    private boolean ascending(int prev, int prevEnd, int k, int kEnd) {
        return ascending(b, prev, prevEnd, k, kEnd);
    }

    static boolean ascending(byte[] b, int prev, int prevEnd, int k, int kEnd) {
        int n = Math.min(prevEnd - prev, kEnd - k);
        int i = 0;
        if (n >= 8) {
            // keys often share a prefix ("decisionDate", "decisionNumber"): first 8 bytes at once
            long x = (long) LONGS_BE.get(b, prev);
            long y = (long) LONGS_BE.get(b, k);
            if (x != y) {
                return Long.compareUnsigned(y, x) > 0;
            }
            i = 8;
        }
        for (; i < n; i++) {
            int d = b[k + i] - b[prev + i]; // ASCII: signed difference = unsigned difference
            if (d != 0) {
                return d > 0;
            }
        }
        return kEnd - k > prevEnd - prev;
    }

    /** Index of the requested field named b[key, keyEnd), or -1. */
    private int field(int key, int keyEnd) {
        return field(fields, b, key, keyEnd);
    }

    /** Index of the name b[key, keyEnd) in fields, or -1; a plain loop, as names are a few bytes long. */
    static int field(byte[][] fields, byte[] b, int key, int keyEnd) {
        int n = keyEnd - key;
        for (int i = 0; i < fields.length; i++) {
            byte[] f = fields[i];
            if (f.length == n && sameBytes(f, b, key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameBytes(byte[] f, byte[] b, int at) {
        for (int j = 0; j < f.length; j++) {
            if (f[j] != b[at + j]) {
                return false;
            }
        }
        return true;
    }

    private int string(int p) {
        escaped = false;
        int end = Math.min(limit, p + 1 + MAX_STRING_BYTES);
        p++;
        while (true) {
            // fast path: runs of plain ASCII, 8 bytes per step, then byte by byte up to the next special one
            while (p + 8 <= end && !JsonBytes.special((long) LONGS.get(b, p))) {
                p += 8;
            }
            while (p < end && STRING_CLASS[b[p] & 0xFF] == 0) {
                p++;
            }
            if (p >= end) {
                return NOT_CANONICAL;
            }
            int c = b[p] & 0xFF;
            if (c == '"') {
                return p + 1;
            }
            if (c == '\\') {
                escaped = true;
                p = escape(p);
            } else if (c < 0x20) {
                return NOT_CANONICAL; // a raw control character is not even JSON
            } else {
                p = JsonBytes.nonAsciiRunEnd(b, p, c, end); // e.g. Chinese text
            }
            if (p < 0) {
                return NOT_CANONICAL;
            }
        }
    }


    /** The escape at p (a backslash) if it is one JcsWriter writes; returns the index after it. */
    private int escape(int p) {
        if (p + 1 >= limit) {
            return NOT_CANONICAL;
        }
        switch (b[p + 1]) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't':
                return p + 2;
            case 'u':
                break;
            default:
                return NOT_CANONICAL; // e.g. \/ which JCS writes as a plain /
        }
        if (p + 6 > limit || b[p + 2] != '0' || b[p + 3] != '0') {
            return NOT_CANONICAL;
        }
        int hi = b[p + 4];
        int lo = hexLower(b[p + 5]);
        if ((hi != '0' && hi != '1') || lo < 0) {
            return NOT_CANONICAL;
        }
        int c = (hi - '0') << 4 | lo;
        // these five have short forms
        if (c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
            return NOT_CANONICAL;
        }
        return p + 6;
    }

    private static int hexLower(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
