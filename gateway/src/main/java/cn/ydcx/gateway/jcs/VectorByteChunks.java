package cn.ydcx.gateway.jcs;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.UNSIGNED_GE;
import static jdk.incubator.vector.VectorOperators.UNSIGNED_LT;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ByteChunks} with the JDK 17 Vector API: 64 bytes per step with AVX-512, 32 with AVX2.
 * Only loaded by name when the {@code jdk.incubator.vector} module is present.
 *
 * <p>A quote is found with one compare and {@code firstTrue} per step, from the string's own
 * first byte (unaligned loads), and the odd-byte check of a whole slice is a loop of compares
 * that only asks {@code anyTrue} per step. Neither builds a bitmap: {@code VectorMask.toLong}
 * is not intrinsified on JDK 17, and the per-chunk bitmaps built without it (a multiply or a
 * fold of shifts, a variable shift, a lane reduction) left the scanner ≈ 1.6 times slower on
 * AVX2 than these two loops (docs/BENCHMARKS.md, 2026-11-29).
 *
 * <p>AVX2 has no unsigned byte compares, and C2 emulated them slowly: there they are signed
 * compares after flipping the sign bit. The AVX-512 path keeps its unsigned compares.
 */
final class VectorByteChunks extends ByteChunks {
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    private static final int W = BYTES.length();
    /** 64-byte lanes: AVX-512, with unsigned byte compares (else AVX2). */
    private static final boolean WIDE = W == 64;
    private static final byte SIGN = (byte) 0x80;
    private static final int NONE = -1;

    VectorByteChunks() {
        super(W);
    }

    @Override
    public boolean vectorized() {
        return true;
    }

    @Override
    public int nextQuote(byte[] b, int p, int limit) {
        for (; p < limit && p <= b.length - W; p += W) {
            int i = ByteVector.fromArray(BYTES, b, p).eq((byte) '"').firstTrue(); // W when none
            if (i < W) {
                return p + i < limit ? p + i : NONE;
            }
        }
        return plainNextQuote(b, p, limit); // the last bytes of the array
    }

    @Override
    public boolean anyOdd(byte[] b, int from, int to) {
        if (from < 2 || to - from < W) {
            return plainAnyOdd(b, from, to); // the chunk's two bytes of context would lie before the array
        }
        for (int p = from; p < to - W; p += W) {
            if (odd(ByteVector.fromArray(BYTES, b, p), b, p).anyTrue()) {
                return true;
            }
        }
        int last = to - W; // the last chunk ends at to, overlapping the one before
        return odd(ByteVector.fromArray(BYTES, b, last), b, last).anyTrue();
    }

    /** The odd bytes (ByteChunks.anyOdd) of the chunk x = b[base, base + W), base ≥ 2. */
    private static VectorMask<Byte> odd(ByteVector x, byte[] b, int base) {
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
        return odd;
    }
}
