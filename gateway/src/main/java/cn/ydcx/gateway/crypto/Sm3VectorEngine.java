package cn.ydcx.gateway.crypto;

import static jdk.incubator.vector.VectorOperators.ROL;
import static jdk.incubator.vector.VectorOperators.XOR;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Multi-buffer SM3 (GB/T 32905-2016): one independent message per 32-bit lane of an
 * {@link IntVector} of the preferred species (16 lanes with AVX-512, 8 with AVX2).
 *
 * <p>Scheduling: every lane works through its own message block by block; when a lane has
 * compressed its message's last block, its digest is taken out and the lane starts on the next
 * message (its chaining value reset to the IV) at the following step, so lanes stay busy
 * whatever the mix of lengths. Only at the end of a call do lanes idle (they compress garbage,
 * which is never read).
 *
 * <p>Each step loads one 64-byte block per lane as a row of {@code rows} (a vector load straight
 * from the message, or from a per-lane scratch block for the first block with its prefix byte
 * and for the padding), transposes the rows into columns with gathers (word {@code j} of lane
 * {@code l} at {@code w[j * LANES + l]}, bytes swapped to big-endian), then runs one
 * compression over all lanes ({@link #compress}). The compression keeps the eight state words
 * in vector registers, uses only constant rotation amounts ({@code lanewise(ROL, k)}) and
 * allocates nothing, so C2 intrinsifies all of it (no allocation per block under
 * {@code -prof gc}: the 53 bytes per message are its digest).
 *
 * <p>Loaded only when the JVM has the {@code jdk.incubator.vector} module (see
 * {@link Sm3Lanes}). Stateless, thread-safe: the buffers belong to one call.
 */
final class Sm3VectorEngine implements Sm3Engine {
    static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final int[] IV = {
        0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
    };
    /** Gather indices of word 0 of each lane's row in {@link #transpose}. */
    private static final int[] GATHER = new int[LANES];
    /** Rows of compress's work array: 16 block words, then W_16..W_67. */
    private static final int W_ROWS = 68;
    /** T_j rotated left by j mod 32, the round constant of round j. */
    private static final int[] TJ = new int[64];

    static {
        for (int l = 0; l < LANES; l++) {
            GATHER[l] = 16 * l;
        }
        for (int j = 0; j < 64; j++) {
            TJ[j] = Integer.rotateLeft(j < 16 ? 0x79cc4519 : 0x7a879d8a, j);
        }
    }

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public void hash(int prefix, byte[][] messages, int[] offsets, int[] lengths, int count, byte[][] out,
            int outOffset) {
        final int p = prefix == NO_PREFIX ? 0 : 1;
        final byte prefixByte = (byte) prefix;
        int[] state = new int[8 * LANES];
        int[] w = new int[W_ROWS * LANES];
        byte[] scratch = new byte[64 * LANES];
        int[] rows = new int[16 * LANES];
        int[] job = new int[LANES]; // message index, -1 when idle
        int[] block = new int[LANES];
        int[] blocks = new int[LANES];
        int[] off = new int[LANES]; // where lane l's message starts in its array, and its length
        int[] len = new int[LANES];
        int next = 0;
        int busy = 0;
        for (int l = 0; l < LANES; l++) {
            if (next < count) {
                begin(l, next, messages, offsets, lengths, off, len);
                start(l, next, p + (long) len[l], state, job, block, blocks);
                next++;
                busy++;
            } else {
                job[l] = -1;
            }
        }
        while (busy > 0) {
            for (int l = 0; l < LANES; l++) {
                int m = job[l];
                if (m >= 0) {
                    load(l, messages[m], off[l], len[l], p, prefixByte, block[l], blocks[l], rows, scratch);
                }
            }
            transpose(rows, w);
            compress(state, w);
            for (int l = 0; l < LANES; l++) {
                int m = job[l];
                if (m >= 0 && ++block[l] == blocks[l]) {
                    out[outOffset + m] = digest(state, l);
                    if (next < count) {
                        begin(l, next, messages, offsets, lengths, off, len);
                        start(l, next, p + (long) len[l], state, job, block, blocks);
                        next++;
                    } else {
                        job[l] = -1;
                        busy--;
                    }
                }
            }
        }
    }

    @Override
    public void nodes(byte[][] left, byte[][] right, int count, byte[][] out) {
        int[] state = new int[8 * LANES];
        int[] w = new int[W_ROWS * LANES];
        // 0x01 ‖ left ‖ right is 65 bytes: two blocks, the second is right[31], 0x80, zeros, bit length 520
        byte[] scratch = new byte[128 * LANES];
        int[] rows = new int[16 * LANES];
        for (int l = 0; l < LANES; l++) {
            scratch[128 * l] = 0x01;
            scratch[128 * l + 65] = (byte) 0x80;
            LONG_BE.set(scratch, 128 * l + 120, 65L * 8);
        }
        for (int first = 0; first < count; first += LANES) {
            int n = Math.min(LANES, count - first);
            for (int l = 0; l < n; l++) {
                System.arraycopy(left[first + l], 0, scratch, 128 * l + 1, 32);
                System.arraycopy(right[first + l], 0, scratch, 128 * l + 33, 32);
            }
            for (int k = 0; k < 8; k++) {
                Arrays.fill(state, k * LANES, (k + 1) * LANES, IV[k]);
            }
            for (int b = 0; b < 2; b++) {
                for (int l = 0; l < n; l++) {
                    row(scratch, 128 * l + 64 * b, rows, l);
                }
                transpose(rows, w);
                compress(state, w);
            }
            for (int l = 0; l < n; l++) {
                out[first + l] = digest(state, l);
            }
        }
    }

    /** Where message m starts in its array, and its length, for lane l. */
    private static void begin(int l, int m, byte[][] messages, int[] offsets, int[] lengths, int[] off, int[] len) {
        byte[] msg = messages[m];
        int o = offsets == null ? 0 : offsets[m];
        int n = lengths == null ? msg.length : lengths[m];
        Objects.checkFromIndexSize(o, n, msg.length);
        off[l] = o;
        len[l] = n;
    }

    /** Lane {@code l} starts on message {@code m} of {@code length} bytes (prefix included). */
    private static void start(int l, int m, long length, int[] state, int[] job, int[] block, int[] blocks) {
        job[l] = m;
        block[l] = 0;
        blocks[l] = (int) ((length + 9 + 63) >>> 6); // 0x80 and the 64-bit length fit after the last byte
        for (int k = 0; k < 8; k++) {
            state[k * LANES + l] = IV[k];
        }
    }

    /** Block {@code b} of (prefix ‖ msg[off, off + len)), padded, into row {@code l} of {@code rows}. */
    private static void load(int l, byte[] msg, int off, int len, int p, byte prefix, int b, int blocks, int[] rows,
            byte[] scratch) {
        long length = p + (long) len;
        long start = (long) b << 6;
        if (start >= p && start + 64 <= length) {
            row(msg, off + (int) (start - p), rows, l);
            return;
        }
        int base = l << 6;
        Arrays.fill(scratch, base, base + 64, (byte) 0);
        long lo = Math.max(start, p);
        long hi = Math.min(start + 64, length);
        if (hi > lo) {
            System.arraycopy(msg, off + (int) (lo - p), scratch, (int) (base + lo - start), (int) (hi - lo));
        }
        if (start == 0 && p == 1) {
            scratch[base] = prefix;
        }
        if (length >= start && length < start + 64) {
            scratch[(int) (base + length - start)] = (byte) 0x80;
        }
        if (b == blocks - 1) {
            LONG_BE.set(scratch, base + 56, length << 3);
        }
        row(scratch, base, rows, l);
    }

    /**
     * The 16 words at {@code bytes[off..off+63]} into row {@code l} of {@code rows}, little-endian
     * (a plain vector load; {@link #transpose} swaps the bytes: a big-endian load costs a
     * shuffle per row and was slower).
     */
    private static void row(byte[] bytes, int off, int[] rows, int l) {
        for (int k = 0; k < 16; k += LANES) {
            IntVector.fromByteArray(SPECIES, bytes, off + 4 * k, ByteOrder.LITTLE_ENDIAN).intoArray(rows, 16 * l + k);
        }
    }

    /**
     * Rows (one block per lane, words little-endian) to the big-endian message words by column:
     * {@code w[j * LANES + l] = reverseBytes(rows[16 * l + j])} for j < 16.
     */
    static void transpose(int[] rows, int[] w) {
        for (int j = 0; j < 16; j++) {
            IntVector x = IntVector.fromArray(SPECIES, rows, j, GATHER, 0);
            x.lanewise(ROL, 8).and(0x00ff00ff).or(x.lanewise(ROL, 24).and(0xff00ff00)).intoArray(w, j * LANES);
        }
    }

    private static byte[] digest(int[] state, int l) {
        byte[] h = new byte[32];
        for (int k = 0; k < 8; k++) {
            INT_BE.set(h, 4 * k, state[k * LANES + l]);
        }
        return h;
    }

    /**
     * One SM3 compression in every lane: {@code state = CF(state, w[0..15])}, using
     * {@code w[16..67]} for the expanded words W_j (W'_j = W_j ^ W_j+4 is computed in the round).
     *
     * <p>Vector loads are written out as {@code IntVector.fromArray(SPECIES, a, k * LANES)}, not
     * through a small helper: the Vector API's own methods are force-inlined, but a helper of
     * ours is an ordinary call that C2 stops inlining in a method this size
     * (NodeCountInliningCutoff), and every vector it returns is then boxed: 10 KB of garbage per
     * block and no speed-up at all.
     */
    static void compress(int[] state, int[] w) {
        for (int j = 16; j < 68; j++) {
            IntVector x = IntVector.fromArray(SPECIES, w, (j - 16) * LANES)
                    .lanewise(XOR, IntVector.fromArray(SPECIES, w, (j - 9) * LANES))
                    .lanewise(XOR, IntVector.fromArray(SPECIES, w, (j - 3) * LANES).lanewise(ROL, 15));
            x = x.lanewise(XOR, x.lanewise(ROL, 15)).lanewise(XOR, x.lanewise(ROL, 23)); // P1
            x.lanewise(XOR, IntVector.fromArray(SPECIES, w, (j - 13) * LANES).lanewise(ROL, 7))
                    .lanewise(XOR, IntVector.fromArray(SPECIES, w, (j - 6) * LANES))
                    .intoArray(w, j * LANES);
        }
        IntVector a = IntVector.fromArray(SPECIES, state, 0);
        IntVector b = IntVector.fromArray(SPECIES, state, LANES);
        IntVector c = IntVector.fromArray(SPECIES, state, 2 * LANES);
        IntVector d = IntVector.fromArray(SPECIES, state, 3 * LANES);
        IntVector e = IntVector.fromArray(SPECIES, state, 4 * LANES);
        IntVector f = IntVector.fromArray(SPECIES, state, 5 * LANES);
        IntVector g = IntVector.fromArray(SPECIES, state, 6 * LANES);
        IntVector h = IntVector.fromArray(SPECIES, state, 7 * LANES);
        for (int j = 0; j < 16; j++) {
            IntVector a12 = a.lanewise(ROL, 12);
            IntVector ss1 = a12.add(e).add(TJ[j]).lanewise(ROL, 7);
            IntVector ss2 = ss1.lanewise(XOR, a12);
            IntVector wj = IntVector.fromArray(SPECIES, w, j * LANES);
            // FF_j = a ^ b ^ c, GG_j = e ^ f ^ g
            IntVector tt1 = a.lanewise(XOR, b).lanewise(XOR, c).add(d).add(ss2)
                    .add(wj.lanewise(XOR, IntVector.fromArray(SPECIES, w, (j + 4) * LANES)));
            IntVector tt2 = e.lanewise(XOR, f).lanewise(XOR, g).add(h).add(ss1).add(wj);
            d = c;
            c = b.lanewise(ROL, 9);
            b = a;
            a = tt1;
            h = g;
            g = f.lanewise(ROL, 19);
            f = e;
            e = tt2.lanewise(XOR, tt2.lanewise(ROL, 9)).lanewise(XOR, tt2.lanewise(ROL, 17)); // P0
        }
        for (int j = 16; j < 64; j++) {
            IntVector a12 = a.lanewise(ROL, 12);
            IntVector ss1 = a12.add(e).add(TJ[j]).lanewise(ROL, 7);
            IntVector ss2 = ss1.lanewise(XOR, a12);
            IntVector wj = IntVector.fromArray(SPECIES, w, j * LANES);
            // FF_j = majority(a, b, c), GG_j = e ? f : g
            IntVector ff = a.and(b).or(c.and(a.or(b)));
            IntVector gg = f.lanewise(XOR, g).and(e).lanewise(XOR, g);
            IntVector tt1 = ff.add(d).add(ss2).add(wj.lanewise(XOR, IntVector.fromArray(SPECIES, w, (j + 4) * LANES)));
            IntVector tt2 = gg.add(h).add(ss1).add(wj);
            d = c;
            c = b.lanewise(ROL, 9);
            b = a;
            a = tt1;
            h = g;
            g = f.lanewise(ROL, 19);
            f = e;
            e = tt2.lanewise(XOR, tt2.lanewise(ROL, 9)).lanewise(XOR, tt2.lanewise(ROL, 17)); // P0
        }
        a.lanewise(XOR, IntVector.fromArray(SPECIES, state, 0)).intoArray(state, 0);
        b.lanewise(XOR, IntVector.fromArray(SPECIES, state, LANES)).intoArray(state, LANES);
        c.lanewise(XOR, IntVector.fromArray(SPECIES, state, 2 * LANES)).intoArray(state, 2 * LANES);
        d.lanewise(XOR, IntVector.fromArray(SPECIES, state, 3 * LANES)).intoArray(state, 3 * LANES);
        e.lanewise(XOR, IntVector.fromArray(SPECIES, state, 4 * LANES)).intoArray(state, 4 * LANES);
        f.lanewise(XOR, IntVector.fromArray(SPECIES, state, 5 * LANES)).intoArray(state, 5 * LANES);
        g.lanewise(XOR, IntVector.fromArray(SPECIES, state, 6 * LANES)).intoArray(state, 6 * LANES);
        h.lanewise(XOR, IntVector.fromArray(SPECIES, state, 7 * LANES)).intoArray(state, 7 * LANES);
    }
}
