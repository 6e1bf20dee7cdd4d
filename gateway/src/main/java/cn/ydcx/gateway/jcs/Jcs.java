package cn.ydcx.gateway.jcs;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme over Jackson trees.
 *
 * <p>Deliberate choice (project contract): integral nodes (int, long, BigInteger) are written as
 * plain integers; every other number goes through the IEEE-754 double and ECMAScript
 * {@code Number.prototype.toString}. For integers within ±2^53 both give the same text.
 */
public final class Jcs {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Jcs() {
    }

    private static final ThreadLocal<JcsWriter> WRITER = ThreadLocal.withInitial(JcsWriter::new);

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] canonicalize(JsonNode node) {
        JcsWriter w = acquire();
        try {
            return w.toBytes(node);
        } finally {
            w.inUse = false;
        }
    }

    /**
     * Feeds the canonical UTF-8 bytes of {@code node} into {@code md} (buffered), without
     * materialising them: same bytes as {@link #canonicalize}. On IllegalArgumentException
     * part of the bytes may already have gone into {@code md}.
     */
    public static void update(MessageDigest md, JsonNode node) {
        JcsWriter w = acquire();
        try {
            w.update(md, node);
        } finally {
            w.inUse = false;
        }
    }

    /**
     * Writes the canonical UTF-8 bytes of {@code node} to {@code out} (buffered, not flushed or
     * closed); IOException is rethrown as UncheckedIOException.
     */
    public static void writeTo(JsonNode node, OutputStream out) {
        JcsWriter w = acquire();
        try {
            w.writeTo(out, node);
        } finally {
            w.inUse = false;
        }
    }

    /** The thread's writer, or a fresh one if it is busy (an OutputStream calling back into Jcs). */
    private static JcsWriter acquire() {
        JcsWriter w = WRITER.get();
        if (w.inUse) {
            w = new JcsWriter();
        }
        w.inUse = true;
        return w;
    }

    /**
     * The canonical form of {@code node} as a Java string. This is the plain reference
     * implementation (StringBuilder, sorted entry list); the byte paths above must equal its
     * UTF-8 encoding.
     */
    public static String canonicalString(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null) {
            throw new IllegalArgumentException("JCS: cannot canonicalize a missing (Java null) node");
        }
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(node.isIntegralNumber()
                    ? node.bigIntegerValue().toString()
                    : numberToString(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("JCS: unsupported JSON node type " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            fields.add(it.next());
        }
        // String.compareTo compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks for.
        fields.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : fields) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(e.getKey(), out);
            out.append(':');
            write(e.getValue(), out);
        }
        out.append('}');
    }

    /** ECMAScript JSON.stringify string escaping; lone surrogates are refused (RFC 8785 requires I-JSON). */
    static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("JCS: lone high surrogate at string index " + i);
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("JCS: lone low surrogate at string index " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * ECMAScript Number.prototype.toString(d). Java 17's Double.toString is not always the
     * shortest round-tripping form, so the digits are found by rounding the exact binary value
     * to increasing precision until it reads back as the same double.
     */
    public static String numberToString(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JCS: " + d + " is not a valid JSON number");
        }
        if (d == 0) {
            return "0"; // also -0
        }
        if (d < 0) {
            return "-" + numberToString(-d);
        }
        BigDecimal shortest = shortestDigits(d);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // d = 0.digits × 10^n
        StringBuilder sb = new StringBuilder(32);
        if (k <= n && n <= 21) {
            sb.append(digits);
            sb.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }

    private static BigDecimal shortestDigits(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            // Candidates around d at p digits; of those that read back as d, take the closest
            // (ECMAScript: smallest k, then the s closest to d).
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal c = exact.round(new MathContext(p, mode));
                if (c.doubleValue() == d
                        && (best == null || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = c;
                }
            }
            if (best != null) {
                BigDecimal stripped = best.stripTrailingZeros();
                return stripped;
            }
        }
        throw new IllegalStateException("no round-tripping decimal for " + d); // 17 digits always suffice
    }
}
