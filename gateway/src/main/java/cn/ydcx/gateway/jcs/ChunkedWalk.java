package cn.ydcx.gateway.jcs;

import static cn.ydcx.gateway.jcs.CanonicalScanner.MAX_DEPTH;
import static cn.ydcx.gateway.jcs.CanonicalScanner.MAX_KEY_BYTES;
import static cn.ydcx.gateway.jcs.CanonicalScanner.MAX_STRING_BYTES;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@link CanonicalScanner}'s fast pass. A string ends at the next quote, found from its first
 * byte a vector step at a time ({@link ByteChunks#nextQuote}: {@link ByteChunks#width()} bytes,
 * 32 with AVX2); its bytes get no other look until the record's end is known, when the whole
 * slice is checked for odd bytes in one loop of vector compares ({@link ByteChunks#anyOdd}).
 *
 * <p>A record is first matched against the skeletons of records accepted before
 * ({@link SkeletonTrie}): the bytes between its string values compared 8 at a time, the values
 * ended by their next quote. A record of a new shape is walked: the grammar of the careful
 * pass, with strings ended the same way; once accepted, its skeleton is learnt.
 *
 * <p>Why this is faster (docs/BENCHMARKS.md): the careful pass finds where a string ends by
 * testing its bytes one after the other, and where the next token starts depends on that; here
 * the bytes are tested in bulk, in vector registers, and a known shape skips the grammar.
 *
 * <p>Why it is sound: it answers a slice's end only when the slice holds no odd byte. Then it
 * has no backslash, so no quote in it is escaped and its strings end exactly at the quotes
 * found; it has no control character; and its bytes are well-formed UTF-8 (the slice starts
 * and ends with ASCII). Keys are checked for bytes ≥ 0x7F and length, and everything outside
 * strings is walked byte by byte as in the careful pass, or equals the skeleton of a record
 * that was. So the careful pass would accept the same slice, with the same end and fields;
 * anything else gets -1 and the careful pass decides.
 * Not thread-safe; one per CanonicalScanner.
 */
final class ChunkedWalk {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final int NONE = -1;

    private final ByteChunks chunks;
    private final byte[][] fields;
    private final int[] fieldStart;
    private final int[] fieldEnd;
    /** Per open container (index = depth, 1 = the outermost): object or array. */
    private final boolean[] inObject = new boolean[MAX_DEPTH + 1];
    /** Per open object: its last key so far, b[start, end); end -1 before the first. */
    private final int[] prevKey = new int[MAX_DEPTH + 1];
    private final int[] prevKeyEnd = new int[MAX_DEPTH + 1];
    /** Skeletons of the records accepted so far. */
    private final SkeletonTrie skeletons = new SkeletonTrie();
    /** The walk's string values: opening and closing quote, requested field or -1; for learning. */
    private int[] valueOpen = new int[64];
    private int[] valueClose = new int[64];
    private int[] valueField = new int[64];
    private int values;

    ChunkedWalk(ByteChunks chunks, byte[][] fields, int[] fieldStart, int[] fieldEnd) {
        this.chunks = chunks;
        this.fields = fields;
        this.fieldStart = fieldStart;
        this.fieldEnd = fieldEnd;
    }

    /**
     * As {@link CanonicalScanner#scan}, but -1 also for canonical slices it leaves to the careful
     * pass. Sets the scanner's field ranges (all of them, -1 when not found) when it answers.
     */
    int scan(byte[] b, int start, int limit) {
        Arrays.fill(fieldStart, -1);
        Arrays.fill(fieldEnd, -1);
        if (!skeletons.isEmpty()) {
            int end = match(b, start, limit);
            if (end >= 0) {
                return chunks.anyOdd(b, start, end) ? NONE : end;
            }
            Arrays.fill(fieldStart, -1);
            Arrays.fill(fieldEnd, -1);
        }
        values = 0;
        int end = walk(b, start, limit);
        if (end < 0 || chunks.anyOdd(b, start, end)) {
            return NONE;
        }
        skeletons.learn(b, start, end, valueOpen, valueClose, valueField, values);
        return end;
    }

    /** The record at p as a known skeleton: its end, or -1. */
    private int match(byte[] b, int p, int limit) {
        SkeletonTrie trie = skeletons;
        int node = 0;
        while (true) {
            int child = trie.firstChild(node);
            while (child >= 0 && !trie.matches(child, b, p)) {
                child = trie.nextSibling(child);
            }
            if (child < 0) {
                return NONE;
            }
            p += trie.length(child);
            if (trie.terminal(child)) {
                return p <= limit ? p : NONE;
            }
            // a string value: the segment ended with its opening quote; it ends at the next quote
            int q = quote(b, p, limit, MAX_STRING_BYTES);
            if (q < 0) {
                return NONE;
            }
            int f = trie.field(child);
            if (f >= 0) {
                fieldStart[f] = p;
                fieldEnd[f] = q;
            }
            p = q;
            node = child;
        }
    }

    private int walk(byte[] b, int p, int limit) {
        int depth = 0;
        boolean member = false; // a member (key, colon, value) starts at p
        while (true) {
            if (member) {
                member = false;
                if (p >= limit || b[p] != '"') {
                    return NONE;
                }
                int k = p + 1;
                int kEnd = quote(b, k, limit, MAX_KEY_BYTES);
                if (kEnd < 0 || !printable(b, k, kEnd)) {
                    return NONE;
                }
                int prevEnd = prevKeyEnd[depth];
                if (prevEnd >= 0 && !CanonicalScanner.ascending(b, prevKey[depth], prevEnd, k, kEnd)) {
                    return NONE;
                }
                prevKey[depth] = k;
                prevKeyEnd[depth] = kEnd;
                p = kEnd + 1;
                if (p >= limit || b[p] != ':') {
                    return NONE;
                }
                p++;
                if (p < limit && b[p] == '"') {
                    // the usual member, "key":"value", without going round the loop
                    int q = quote(b, p + 1, limit, MAX_STRING_BYTES);
                    if (q < 0) {
                        return NONE;
                    }
                    int field = depth == 1 ? CanonicalScanner.field(fields, b, k, kEnd) : -1;
                    if (field >= 0) {
                        fieldStart[field] = p + 1;
                        fieldEnd[field] = q;
                    }
                    value(p, q, field);
                    p = q + 1;
                } else {
                    continue; // any other value: the general way below
                }
            } else {
                // a value starts at p
                if (p >= limit) {
                    return NONE;
                }
                byte c = b[p];
                if (c == '"') {
                    int q = quote(b, p + 1, limit, MAX_STRING_BYTES);
                    if (q < 0) {
                        return NONE;
                    }
                    value(p, q, -1);
                    p = q + 1;
                } else if (c == '{' || c == '[') {
                    if (++depth > MAX_DEPTH) {
                        return NONE;
                    }
                    boolean object = c == '{';
                    inObject[depth] = object;
                    p++;
                    if (p >= limit || b[p] != (object ? '}' : ']')) {
                        prevKeyEnd[depth] = -1;
                        member = object;
                        continue;
                    }
                    p++;
                    depth--; // empty: a complete value
                } else {
                    p = CanonicalScanner.scalar(b, p, limit);
                    if (p < 0) {
                        return NONE;
                    }
                }
            }
            // a value ended at p: close what it completes, then the next member or element
            while (true) {
                if (depth == 0) {
                    return p;
                }
                if (p >= limit) {
                    return NONE;
                }
                byte c = b[p++];
                if (c == ',') {
                    member = inObject[depth];
                    break;
                }
                if (c != (inObject[depth] ? '}' : ']')) {
                    return NONE;
                }
                depth--;
            }
        }
    }

    /**
     * The quote that ends a string whose bytes start at p: the first one in b[p, limit) and
     * fewer than max bytes from p, else -1. Its bytes are not looked at otherwise here: the
     * slice's odd-byte check covers them (no backslash, so no escaped quote).
     */
    private int quote(byte[] b, int p, int limit, int max) {
        return chunks.nextQuote(b, p, (int) Math.min(limit, (long) p + max));
    }

    private void value(int open, int close, int field) {
        if (values == valueOpen.length) {
            valueOpen = Arrays.copyOf(valueOpen, 2 * values);
            valueClose = Arrays.copyOf(valueClose, 2 * values);
            valueField = Arrays.copyOf(valueField, 2 * values);
        }
        valueOpen[values] = open;
        valueClose[values] = close;
        valueField[values++] = field;
    }

    /** Whether b[from, to) has no byte ≥ 0x7F (bytes below 0x20 are odd bytes, found by the chunks). */
    private static boolean printable(byte[] b, int from, int to) {
        int q = from;
        for (; q + 8 <= to; q += 8) {
            if (notPrintable((long) LONGS.get(b, q))) {
                return false;
            }
        }
        if (q == to) {
            return true;
        }
        if (q + 8 <= b.length) {
            // the last 1..7 bytes, the rest of the word zeroed
            return !notPrintable((long) LONGS.get(b, q) & (-1L >>> (64 - 8 * (to - q))));
        }
        for (; q < to; q++) {
            if (b[q] < 0 || b[q] == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Whether any byte of w is ≥ 0x7F (+1 sets its top bit; a carry comes only out of a byte ≥ 0x7F). */
    private static boolean notPrintable(long w) {
        return ((w | (w + ONES)) & HIGHS) != 0;
    }
}
