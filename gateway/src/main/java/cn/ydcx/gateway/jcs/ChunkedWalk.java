package cn.ydcx.gateway.jcs;

import static cn.ydcx.gateway.jcs.CanonicalScanner.MAX_DEPTH;
import static cn.ydcx.gateway.jcs.CanonicalScanner.MAX_KEY_BYTES;
import static cn.ydcx.gateway.jcs.CanonicalScanner.MAX_STRING_BYTES;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@link CanonicalScanner}'s fast pass. The bytes of the slice are looked at a chunk at a time
 * ({@link ByteChunks#width()} bytes, 64 with AVX-512): one bitmap of where its quotes are, and
 * one check that it holds no odd byte ({@link ByteChunks#firstOdd}). A string then ends at the
 * next quote of the bitmap, found with a shift, and its bytes need no other look.
 *
 * <p>A record is first matched against the skeletons of records accepted before
 * ({@link SkeletonTrie}): the bytes between its string values compared 8 at a time, the values
 * ended by the bitmap. A record of a new shape is walked: the grammar of the careful pass, with
 * strings ended by the bitmap; once accepted, its skeleton is learnt.
 *
 * <p>Why this is faster (about 1.4 times on batch records, docs/BENCHMARKS.md): the careful pass
 * finds where a string ends by testing its bytes one after the other, and where the next token
 * starts depends on that; here the bytes are tested in bulk, in vector registers, and a known
 * shape skips the grammar.
 *
 * <p>Why it is sound: it answers a slice's end only when no chunk before that end holds an odd
 * byte. Then the slice has no backslash, so no quote in it is escaped and its strings are
 * exactly where the bitmap says; it has no control character; and its bytes are well-formed
 * UTF-8 (the slice starts and ends with ASCII). Keys are checked for bytes ≥ 0x7F and length,
 * and everything outside strings is walked byte by byte as in the careful pass, or equals the
 * skeleton of a record that was. So the careful pass would accept the same slice, with the same
 * end and fields; anything else gets -1 and the careful pass decides.
 * Not thread-safe; one per CanonicalScanner.
 */
final class ChunkedWalk {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final int NONE = -1;

    private final ByteChunks chunks;
    /** The plain loops for chunks at the array's edges (see ByteChunks.interior). */
    private final ByteChunks edges;
    private final int width;
    private final int widthShift;
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

    // The slice being scanned and its chunks: chunk k covers b[start + k * width, + width).
    private byte[] b;
    private int start;
    /** Quote bits of the chunks computed so far; bit i of word k is b[start + k * width + i]. */
    private long[] quoteBits = new long[64];
    private int chunkCount;
    /** Index of the first odd byte in the chunks so far, or Integer.MAX_VALUE. */
    private int firstOdd;
    /** quotesAndFirstOdd's second answer. */
    private final int[] oddSlot = new int[1];

    ChunkedWalk(ByteChunks chunks, byte[][] fields, int[] fieldStart, int[] fieldEnd) {
        this.chunks = chunks;
        this.edges = chunks.plain();
        this.width = chunks.width();
        if (Integer.bitCount(width) != 1) {
            throw new IllegalArgumentException("chunk width must be a power of two: " + width);
        }
        this.widthShift = Integer.numberOfTrailingZeros(width);
        this.fields = fields;
        this.fieldStart = fieldStart;
        this.fieldEnd = fieldEnd;
    }

    /**
     * As {@link CanonicalScanner#scan}, but -1 also for canonical slices it leaves to the careful
     * pass. Sets the scanner's field ranges (all of them, -1 when not found) when it answers.
     */
    int scan(byte[] bytes, int start, int limit) {
        this.b = bytes;
        this.start = start;
        this.chunkCount = 0;
        this.firstOdd = Integer.MAX_VALUE;
        try {
            Arrays.fill(fieldStart, -1);
            Arrays.fill(fieldEnd, -1);
            if (!skeletons.isEmpty()) {
                int end = match(bytes, start, limit);
                if (end >= 0) {
                    return firstOdd >= end ? end : NONE;
                }
                Arrays.fill(fieldStart, -1);
                Arrays.fill(fieldEnd, -1);
            }
            values = 0;
            int end = walk(bytes, start, limit);
            if (end < 0 || firstOdd < end) {
                return NONE;
            }
            skeletons.learn(bytes, start, end, valueOpen, valueClose, valueField, values);
            return end;
        } finally {
            this.b = null;
        }
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
            int q = nearQuote(p);
            if (q < 0) {
                q = nextQuoteFar(p);
            }
            if (q < 0 || q >= Math.min(limit, p + MAX_STRING_BYTES)) {
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
                int kEnd = nearQuote(k);
                if (kEnd < 0) {
                    kEnd = nextQuoteFar(k);
                }
                if (kEnd < 0 || kEnd - k >= MAX_KEY_BYTES || !printable(b, k, kEnd)) {
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
                    int q = nearQuote(p + 1);
                    if (q < 0) {
                        q = nextQuoteFar(p + 1);
                    }
                    if (q < 0 || q >= Math.min(limit, p + 1 + MAX_STRING_BYTES)) {
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
                    int q = nearQuote(p + 1);
                    if (q < 0) {
                        q = nextQuoteFar(p + 1);
                    }
                    if (q < 0 || q >= Math.min(limit, p + 1 + MAX_STRING_BYTES)) {
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
     * Index of the first quote at or after p (p ≥ start) when it lies within the chunks computed
     * so far and 64 positions of p, else -1: then {@link #nextQuoteFar} finds it. Looks at the
     * bits of p's chunk and the next one together, so the usual string (shorter than a chunk)
     * costs one shift and no data-dependent branch. Callers call both rather than one method
     * that calls both: C2 did not inline that one (its own compiled code had grown too big),
     * which cost a call per string.
     */
    private int nearQuote(int p) {
        int rel = p - start;
        int k = rel >>> widthShift;
        if (k + 1 < chunkCount) {
            int s = rel & (width - 1);
            // the 64 positions from p: the rest of chunk k, then the start of chunk k + 1 (two
            // shifts, as s may be 0)
            long w = (quoteBits[k] >>> s) | ((quoteBits[k + 1] << 1) << (width - 1 - s));
            if (w != 0) {
                return p + Long.numberOfTrailingZeros(w);
            }
        }
        return NONE;
    }

    /** The first quote at or after p when {@link #nearQuote} does not know it, or -1 past the array. */
    private int nextQuoteFar(int p) {
        int rel = p - start;
        int k = rel >>> widthShift;
        int s = rel & (width - 1);
        // a few chunks ahead at once: fewer calls here
        computeChunks(k + 4);
        long first = quoteBits[k] & (-1L << s);
        if (first != 0) {
            return start + (k << widthShift) + Long.numberOfTrailingZeros(first);
        }
        for (k++; ; k++) {
            if (start + (k << widthShift) >= b.length) {
                return NONE;
            }
            if (k >= chunkCount) {
                computeChunks(k + 4);
            }
            long x = quoteBits[k];
            if (x != 0) {
                return start + (k << widthShift) + Long.numberOfTrailingZeros(x);
            }
        }
    }

    /**
     * Computes chunks until there are {@code count} (past the array's end: chunks without
     * quotes). An odd byte does not stop it: it may lie after the slice's end (the next record),
     * which only the caller knows.
     */
    private void computeChunks(int count) {
        if (count > quoteBits.length) {
            quoteBits = Arrays.copyOf(quoteBits, Math.max(2 * quoteBits.length, count));
        }
        while (chunkCount < count) {
            int base = start + (chunkCount << widthShift);
            if (base >= b.length) {
                quoteBits[chunkCount++] = 0; // past the array: no quote
                continue;
            }
            int odd = width;
            if (chunks.interior(b, base)) {
                if (firstOdd == Integer.MAX_VALUE) {
                    quoteBits[chunkCount++] = chunks.quotesAndFirstOdd(b, base, oddSlot);
                    odd = oddSlot[0];
                } else {
                    quoteBits[chunkCount++] = chunks.quotes(b, base);
                }
            } else {
                quoteBits[chunkCount++] = edges.quotes(b, base);
                odd = firstOdd == Integer.MAX_VALUE ? edges.firstOdd(b, base) : width;
            }
            if (odd < width) {
                firstOdd = base + odd;
            }
        }
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
