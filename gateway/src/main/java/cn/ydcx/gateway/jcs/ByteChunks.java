package cn.ydcx.gateway.jcs;

/**
 * Bulk steps over a fixed number of bytes of JSON text at a time ({@link #width()}: 64 with
 * AVX-512), so that {@link CanonicalScanner} can find its strings' quotes and check their
 * contents without a byte-by-byte chain of dependent loads (issue 4: that chain, not the
 * checks themselves, was most of the scanner's time).
 *
 * <p>This class is the plain-Java reference; {@link #best()} is the vector implementation
 * when the JVM has the {@code jdk.incubator.vector} module (as crypto.Sm3Lanes), with the same
 * answers for every input. Without the module the scanner does not use chunks at all (its
 * byte-by-byte scan is then faster than these loops). Stateless and thread-safe.
 */
public class ByteChunks {
    /** System property: {@code scalar} keeps the byte-by-byte scan even when the vector module is there. */
    public static final String PROPERTY = "ydcx.json.vector";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final ByteChunks SCALAR = new ByteChunks(64);
    private static final ByteChunks BEST = choose();

    private final int width;

    ByteChunks(int width) {
        this.width = width;
    }

    /** The vector implementation when the JVM offers one, else the plain loops. */
    public static ByteChunks best() {
        return BEST;
    }

    /** The plain loops (64 bytes per chunk): the reference the vector implementation is tested against. */
    public static ByteChunks scalar() {
        return SCALAR;
    }

    /** True when this implementation uses vector instructions. */
    public boolean vectorized() {
        return false;
    }

    /**
     * Whether the chunk at base lies inside the array with two bytes before it. The vector
     * implementation takes only such chunks; callers send the others to {@link #plain()}.
     */
    public final boolean interior(byte[] b, int base) {
        return base >= 2 && base + width <= b.length;
    }

    /** The plain loops with this instance's width, for the chunks that are not {@link #interior}. */
    public final ByteChunks plain() {
        return new ByteChunks(width);
    }

    /** Bytes per chunk, at most 64 (one bit each in {@link #quotes}). */
    public final int width() {
        return width;
    }

    /**
     * Bit i set iff b[base + i] is '"', for i below {@link #width()}; positions past the end of
     * the array count as no quote. Needs {@code 0 <= base < b.length}, and an
     * {@link #interior} chunk for the vector implementation.
     */
    public long quotes(byte[] b, int base) {
        long bits = 0;
        int n = Math.min(width, b.length - base);
        for (int i = 0; i < n; i++) {
            if (b[base + i] == '"') {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /**
     * The first i below {@link #width()} at which b[base + i] is not plain text in the common
     * UTF-8 forms, else {@link #width()}. Odd are: a byte below 0x20, '\\', the leads whose
     * sequences need a closer look (C0, C1, E0, ED, F0..FF: overlong forms, surrogates, 4-byte
     * sequences), and a continuation byte (0x80..0xBF) where none is due or another byte where
     * one is due. One is due after a lead (≥ 0xC0) and two after a 3-byte lead (≥ 0xE0), also
     * when that lead lies before base; positions outside the array count as ASCII.
     *
     * <p>So a run of chunks from a slice's first byte to its last with no odd byte before the
     * slice's end, if the slice starts and ends with ASCII, holds no control character or
     * backslash and is well-formed UTF-8 as the JDK decoder judges it: bytes before the slice
     * can only add odd bytes (a lead there claims the slice's ASCII first byte); with no 4-byte
     * lead, the continuation rule is the whole of well-formedness except for the second bytes
     * after E0 and ED, which are odd themselves. Needs {@code 0 <= base < b.length}, and an
     * {@link #interior} chunk for the vector implementation.
     */
    public int firstOdd(byte[] b, int base) {
        int n = Math.min(width, b.length - base);
        for (int i = 0; i < n; i++) {
            int p = base + i;
            int c = b[p] & 0xFF;
            boolean due = p >= 1 && (b[p - 1] & 0xFF) >= 0xC0 || p >= 2 && (b[p - 2] & 0xFF) >= 0xE0;
            boolean cont = c >= 0x80 && c < 0xC0;
            if (c < 0x20 || c == '\\' || c >= 0xF0 || c == 0xE0 || c == 0xED || c == 0xC0 || c == 0xC1
                    || cont != due) {
                return i;
            }
        }
        return width;
    }

    /**
     * {@link #quotes} and {@link #firstOdd} of one chunk in one go (the vector implementation
     * loads its bytes once): returns the quote bits and puts the first odd index in
     * {@code firstOdd[0]}. Same needs as the two.
     */
    public long quotesAndFirstOdd(byte[] b, int base, int[] firstOdd) {
        firstOdd[0] = firstOdd(b, base);
        return quotes(b, base);
    }

    private static ByteChunks choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty(PROPERTY, ""))
                || ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return SCALAR;
        }
        try {
            // by name: this class must link and run without the module, so no direct reference
            ByteChunks vector = (ByteChunks) Class.forName(ByteChunks.class.getPackageName() + ".VectorByteChunks")
                    .getDeclaredConstructor().newInstance();
            return vector.width() >= 32 ? vector : SCALAR;
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR;
        }
    }
}
