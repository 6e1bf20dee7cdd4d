package cn.ydcx.gateway.jcs;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.MUL;
import static jdk.incubator.vector.VectorOperators.OR;
import static jdk.incubator.vector.VectorOperators.UNSIGNED_GE;
import static jdk.incubator.vector.VectorOperators.UNSIGNED_LT;

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
 */
final class VectorByteChunks extends ByteChunks {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final int W = BYTES.length();
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
        ByteVector x = ByteVector.fromArray(BYTES, b, base);
        ByteVector weighted = WEIGHTS.blend((byte) 0, x.eq((byte) '"').not());
        return weighted.reinterpretAsLongs()
                .lanewise(MUL, 0x0101010101010101L) // top byte = sum of the 8 weights = the 8 bits
                .lanewise(LSHR, 56)
                .lanewise(LSHL, PLACES)
                .reduceLanes(OR);
    }

    @Override
    public int firstOdd(byte[] b, int base) {
        ByteVector x = ByteVector.fromArray(BYTES, b, base);
        ByteVector x1 = ByteVector.fromArray(BYTES, b, base - 1);
        ByteVector x2 = ByteVector.fromArray(BYTES, b, base - 2);
        VectorMask<Byte> cont = x.lt((byte) 0xC0); // signed: 0x80..0xBF
        VectorMask<Byte> due = x1.compare(UNSIGNED_GE, (byte) 0xC0)
                .or(x2.compare(UNSIGNED_GE, (byte) 0xE0));
        VectorMask<Byte> odd = x.compare(UNSIGNED_LT, (byte) 0x20)
                .or(x.eq((byte) '\\'))
                .or(x.compare(UNSIGNED_GE, (byte) 0xF0))
                .or(x.eq((byte) 0xE0))
                .or(x.eq((byte) 0xED))
                .or(x.and((byte) 0xFE).eq((byte) 0xC0))
                .or(cont.andNot(due))
                .or(due.andNot(cont));
        return odd.firstTrue(); // W when none
    }
}
