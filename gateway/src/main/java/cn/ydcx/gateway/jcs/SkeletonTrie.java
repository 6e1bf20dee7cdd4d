package cn.ydcx.gateway.jcs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The skeletons of records {@link ChunkedWalk} has accepted, so that the next record of the same
 * shape is checked by comparing bytes instead of walking its grammar again (issue 4).
 *
 * <p>A record's skeleton is the record with the contents of its string values left out: the
 * segments between them, e.g. <code>{"data":{"name":"</code>, then <code>","uscc":"</code>, …,
 * then <code>"}}</code>. Each segment holds the closing quote of the value before it and the
 * opening quote of the value after it, with every key, colon, comma, bracket, number and literal
 * in between. The skeletons form a trie: records of a batch share most of theirs (one province,
 * one dataset), and optional members make a few branches.
 *
 * <p>Why a match is enough: a record whose segments are byte for byte those of an accepted one
 * has the same keys in the same order at the same depths, so the walk would take the same path
 * through it; only its string values differ, and they are checked as in the walk (each ends at
 * the next quote, no odd byte before the end, at most MAX_STRING_BYTES). Nothing about a value's
 * contents is learnt. Bounded: at most {@value #MAX_NODES} segments of at most
 * {@value #MAX_SEGMENT} bytes; past that nothing new is learnt and the walk does the rest.
 * Not thread-safe.
 */
final class SkeletonTrie {
    static final int MAX_NODES = 4096;
    static final int MAX_SEGMENT = 512;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Bytes after the last segment, so that a masked 8-byte load never leaves the pool. */
    private static final int SLACK = 8;

    /** Segment bytes, back to back. */
    private byte[] pool = new byte[4096];
    private int poolSize;
    // Node 0 is the root (no segment); the others each hold one segment.
    private int[] segOff = new int[64];
    private int[] segLen = new int[64];
    /** The requested field whose value follows the segment, or -1. */
    private int[] field = new int[64];
    private int[] firstChild = new int[64];
    private int[] nextSibling = new int[64];
    /** Whether the segment ends the record (then the node has no children). */
    private boolean[] terminal = new boolean[64];
    private int nodes = 1;

    SkeletonTrie() {
        firstChild[0] = -1;
        nextSibling[0] = -1;
    }

    boolean isEmpty() {
        return nodes == 1;
    }

    int firstChild(int node) {
        return firstChild[node];
    }

    int nextSibling(int node) {
        return nextSibling[node];
    }

    int length(int node) {
        return segLen[node];
    }

    int field(int node) {
        return field[node];
    }

    boolean terminal(int node) {
        return terminal[node];
    }

    /** Whether b holds node's segment at p. */
    boolean matches(int node, byte[] b, int p) {
        int len = segLen[node];
        if (p + len + SLACK > b.length) {
            return false; // too close to the array's end for the 8-byte loads: the walk decides
        }
        int off = segOff[node];
        int k = 0;
        for (; k + 8 <= len; k += 8) {
            if ((long) LONGS.get(b, p + k) != (long) LONGS.get(pool, off + k)) {
                return false;
            }
        }
        if (k == len) {
            return true;
        }
        long mask = -1L >>> (64 - 8 * (len - k));
        return (((long) LONGS.get(b, p + k) ^ (long) LONGS.get(pool, off + k)) & mask) == 0;
    }

    /**
     * Adds the skeleton of the accepted record b[start, end) whose n string values have their
     * quotes at opens[i] and closes[i] and report fields[i] (or -1).
     */
    void learn(byte[] b, int start, int end, int[] opens, int[] closes, int[] fields, int n) {
        if (b[start] != '{') {
            return; // records are objects; other values are left to the walk
        }
        int node = 0;
        int from = start;
        for (int i = 0; i <= n; i++) {
            int to = i < n ? opens[i] + 1 : end; // a segment runs to its value's opening quote, inclusive
            int child = find(node, b, from, to - from);
            if (child < 0) {
                if (to - from > MAX_SEGMENT || nodes == MAX_NODES) {
                    return; // full or unusual: this skeleton stays unknown, its prefix is harmless
                }
                child = add(node, b, from, to - from, i < n ? fields[i] : -1, i == n);
            }
            node = child;
            if (i < n) {
                from = closes[i];
            }
        }
    }

    private int find(int node, byte[] b, int from, int len) {
        for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
            if (segLen[c] == len && Arrays.equals(pool, segOff[c], segOff[c] + len, b, from, from + len)) {
                return c;
            }
        }
        return -1;
    }

    private int add(int parent, byte[] b, int from, int len, int f, boolean last) {
        if (poolSize + len + SLACK > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(2 * pool.length, poolSize + len + SLACK));
        }
        if (nodes == segOff.length) {
            int size = 2 * nodes;
            segOff = Arrays.copyOf(segOff, size);
            segLen = Arrays.copyOf(segLen, size);
            field = Arrays.copyOf(field, size);
            firstChild = Arrays.copyOf(firstChild, size);
            nextSibling = Arrays.copyOf(nextSibling, size);
            terminal = Arrays.copyOf(terminal, size);
        }
        int c = nodes++;
        System.arraycopy(b, from, pool, poolSize, len);
        segOff[c] = poolSize;
        segLen[c] = len;
        poolSize += len;
        field[c] = f;
        terminal[c] = last;
        firstChild[c] = -1;
        // newest first: a batch's latest shapes are the likeliest next
        nextSibling[c] = firstChild[parent];
        firstChild[parent] = c;
        return c;
    }
}
