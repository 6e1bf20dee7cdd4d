package cn.ydcx.gateway.jcs;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.MUL;
import static jdk.incubator.vector.VectorOperators.OR;
import static jdk.incubator.vector.VectorOperators.UNSIGNED_GE;
import static jdk.incubator.vector.VectorOperators.UNSIGNED_LT;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ByteChunks} with the JDK 17 Vector API: 64 bytes per chunk with AVX-512, 32 with AVX2.
 * Only loaded by name when the {@code jdk.incubator.vector} module is present. Its methods take
 * {@link #interior} chunks only (else the vector loads throw IndexOutOfBoundsException):
 * handling the array's edges here as well, with the plain loops, made C2 compile them 2.4 times
 * slower once that branch had been taken (measured), so callers send edge chunks to
 * {@link #plain()}.
 *
 * <p>{@code VectorMask.toLong} is not intrinsified on JDK 17 (measured: 1.3 GB/s), so the quote
 * mask becomes bits another way: each quote lane keeps its bit weight 1 &lt;&lt; (i mod 8), a
 * multiply sums each group of 8 lanes into one byte, and the groups are shifted into place and
 * OR-ed (35 GB/s). {@code firstTrue} and {@code anyTrue} are single instructions.
 *
 * <p>AVX2 (32-byte chunks) has neither 64-bit vector multiplies nor unsigned byte compares, and
 * C2 emulated both slowly: there the 8 weights are folded with shifts instead, and unsigned
 * compares become signed ones after flipping the sign bit. With that, the fast pass went from
 * 1.07× to ≈ 1.5× the careful pass on AVX2 (docs/BENCHMARKS.md, 2026-11-29); the AVX-512 path
 * keeps the forms measured there.
 */
final class VectorByteChunks extends ByteChunks {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final int W = BYTES.length();
    /** 64-byte lanes: AVX-512, with 64-bit multiplies and unsigned byte compares (else AVX2). */
    private static final boolean WIDE = W == 64;
    private static final byte SIGN = (byte) 0x80;
    /** 1 << (i mod 8) in lane i. */
    private static final ByteVector WEIGHTS;
    /** 8 * j in long lane j: where group j's byte of bits goes. */
    private static final LongVector PLACES;

    static {
        byte[] w = new byte[W];
        for (int i = 0; i < W; i++) {
            w[i] = (byte) (1 << (i & 7));
        }
        WEIGHTS = ByteVector.fromArray(BYTES, w, 0);
        long[] places = new long[LONGS.length()];
        for (int j = 0; j < places.length; j++) {
            places[j] = 8L * j;
        }
        PLACES = LongVector.fromArray(LONGS, places, 0);
    }

    VectorByteChunks() {
        super(W);
    }

    @Override
    public boolean vectorized() {
        return true;
    }

    @Override
    public long quotes(byte[] b, int base) {
        return quoteBits(ByteVector.fromArray(BYTES, b, base));
    }

    @Override
    public int firstOdd(byte[] b, int base) {
        return firstOdd(ByteVector.fromArray(BYTES, b, base), b, base);
    }

    @Override
    public long quotesAndFirstOdd(byte[] b, int base, int[] firstOdd) {
        ByteVector x = ByteVector.fromArray(BYTES, b, base);
        firstOdd[0] = firstOdd(x, b, base);
        return quoteBits(x);
    }

    private static long quoteBits(ByteVector x) {
        LongVector weighted = WEIGHTS.blend((byte) 0, x.eq((byte) '"').not()).reinterpretAsLongs();
        if (WIDE) {
            weighted = weighted.lanewise(MUL, 0x0101010101010101L) // top byte = sum of the 8 weights = the 8 bits
                    .lanewise(LSHR, 56);
        } else { // no 64-bit vector multiply before AVX-512: fold the 8 bytes with shifts
            weighted = weighted.or(weighted.lanewise(LSHR, 8));
            weighted = weighted.or(weighted.lanewise(LSHR, 16));
            weighted = weighted.or(weighted.lanewise(LSHR, 32)).and(0xFFL);
        }
        return weighted.lanewise(LSHL, PLACES).reduceLanes(OR);
    }

    /** firstOdd of the chunk x = b[base, base + W). */
    private static int firstOdd(ByteVector x, byte[] b, int base) {
        ByteVector x1 = ByteVector.fromArray(BYTES, b, base - 1);
        ByteVector x2 = ByteVector.fromArray(BYTES, b, base - 2);
        VectorMask<Byte> odd;
        VectorMask<Byte> cont = x.lt((byte) 0xC0); // signed: 0x80..0xBF
        VectorMask<Byte> due;
        if (WIDE) { // AVX-512 compares unsigned bytes in one instruction
            due = x1.compare(UNSIGNED_GE, (byte) 0xC0).or(x2.compare(UNSIGNED_GE, (byte) 0xE0));
            odd = x.compare(UNSIGNED_LT, (byte) 0x20).or(x.compare(UNSIGNED_GE, (byte) 0xF0));
        } else { // AVX2 has only signed byte compares: flip the sign bit and compare signed
            due = x1.lanewise(XOR, SIGN).compare(GE, (byte) (0xC0 ^ 0x80))
                    .or(x2.lanewise(XOR, SIGN).compare(GE, (byte) (0xE0 ^ 0x80)));
            ByteVector u = x.lanewise(XOR, SIGN);
            odd = u.lt((byte) (0x20 ^ 0x80)).or(u.compare(GE, (byte) (0xF0 ^ 0x80)));
        }
        odd = odd.or(x.eq((byte) '\\'))
                .or(x.eq((byte) 0xE0))
                .or(x.eq((byte) 0xED))
                .or(x.and((byte) 0xFE).eq((byte) 0xC0))
                .or(cont.eq(due).not()); // a continuation byte where none is due, or none where one is
        return odd.firstTrue(); // W when none
    }
}
