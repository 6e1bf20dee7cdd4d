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

    /** Bytes per vector step (64 with AVX-512, 32 with AVX2); the plain loops' nominal 64. */
    public final int width() {
        return width;
    }

    /**
     * Index of the first '"' in b[p, limit), or -1 when there is none. Needs
     * {@code 0 <= p} and {@code limit <= b.length}.
     */
    public int nextQuote(byte[] b, int p, int limit) {
        return plainNextQuote(b, p, limit);
    }

    /**
     * Whether some byte in b[from, to) is odd, that is not plain text in the common UTF-8 forms.
     * Odd are: a byte below 0x20, '\\', the leads whose sequences need a closer look (C0, C1,
     * E0, ED, F0..FF: overlong forms, surrogates, 4-byte sequences), and a continuation byte
     * (0x80..0xBF) where none is due or another byte where one is due. One is due after a lead
     * (≥ 0xC0) and two after a 3-byte lead (≥ 0xE0), also when that lead lies before from;
     * positions outside the array count as ASCII. Needs {@code 0 <= from} and {@code to <= b.length}.
     *
     * <p>So a slice that starts and ends with ASCII and has no odd byte holds no control
     * character or backslash and is well-formed UTF-8 as the JDK decoder judges it: bytes before
     * the slice can only add odd bytes (a lead there claims the slice's ASCII first byte); with
     * no 4-byte lead, the continuation rule is the whole of well-formedness except for the
     * second bytes after E0 and ED, which are odd themselves.
     */
    public boolean anyOdd(byte[] b, int from, int to) {
        return plainAnyOdd(b, from, to);
    }

    static int plainNextQuote(byte[] b, int p, int limit) {
        for (; p < limit; p++) {
            if (b[p] == '"') {
                return p;
            }
        }
        return -1;
    }

    static boolean plainAnyOdd(byte[] b, int from, int to) {
        for (int p = from; p < to; p++) {
            int c = b[p] & 0xFF;
            boolean due = p >= 1 && (b[p - 1] & 0xFF) >= 0xC0 || p >= 2 && (b[p - 2] & 0xFF) >= 0xE0;
            boolean cont = c >= 0x80 && c < 0xC0;
            if (c < 0x20 || c == '\\' || c >= 0xF0 || c == 0xE0 || c == 0xED || c == 0xC0 || c == 0xC1
                    || cont != due) {
                return true;
            }
        }
        return false;
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
