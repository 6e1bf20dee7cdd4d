package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.jcs.JsonBytes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over the bytes of one SH JSON line for the common shape (one flat object, plain keys,
 * strings, numbers, null, arrays of strings), instead of {@link Utf8Check} followed by Jackson's
 * byte parser. It answers either "done" (values filled exactly as {@link JsonLinesRowReader}'s
 * Jackson path fills them for a well-formed line) or "unsure"; then the caller clears the values
 * and takes the Jackson path, which also decides every malformed line. The fast path never says
 * "malformed".
 *
 * <p>Soundness matters, completeness does not. "Done" only for lines in this subset:
 * <ul>
 *   <li>whitespace (space, tab, CR, LF) only between tokens; one object; nothing but whitespace
 *       after its '}'. So no byte-order mark and no NUL byte outside a string.</li>
 *   <li>keys: no escapes, no control characters, valid UTF-8, at most {@value #MAX_KEY_BYTES}
 *       bytes (Jackson's name limit is far above). A key is matched to its slot on its raw bytes
 *       (first the key that followed the previous key last time, SH lines repeat their order).</li>
 *   <li>strings: valid UTF-8 exactly as Utf8Check / the JDK decoder accept it (no overlong forms,
 *       no surrogates, at most U+10FFFF, nothing truncated), no raw byte below 0x20, escapes only
 *       {@code \" \\ \/ \b \f \n \r \t} (read as Jackson reads them); {@code \\u} is "unsure".</li>
 *   <li>numbers {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, at most
 *       {@value #MAX_NUMBER_CHARS} chars; the value is the literal text (Jackson's getText).</li>
 *   <li>mapped key: a string, a number, null (absent but seen), or, for a code-array slot only,
 *       an array of strings and nulls (nulls skipped). Anything else there (true, false, object,
 *       array elsewhere, a number in an array) is MALFORMED for the Jackson path: "unsure".
 *       A mapped key given twice (also MALFORMED): "unsure".</li>
 *   <li>unknown key: any value of the subset above, including true/false and nested
 *       objects/arrays up to depth {@value #MAX_DEPTH}, skipped.</li>
 * </ul>
 * Every byte of an accepted line lies either in a validated string or is one of the ASCII
 * bytes of the grammar, so an accepted line is valid UTF-8 without NUL (Utf8Check VALID) and
 * JSON that Jackson parses to the same tokens.
 *
 * <p>The string scanning (8 bytes per step for ASCII runs, one int load per usual 3-byte CJK
 * character) follows {@code jcs.CanonicalScanner}; both take the SWAR test and the strict
 * UTF-8 step from {@link JsonBytes}. One instance per reader; not thread-safe.
 */
final class JsonLinesFastPath {
    static final int MAX_KEY_BYTES = 1000;
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_DEPTH = 32;
    private static final int UNSURE = -1;

    /** Per byte inside a string: 0 = plain ASCII, 1 = needs a closer look ('"', '\\', < 0x20, ≥ 0x80). */
    private static final byte[] STRING_CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            STRING_CLASS[c] = (byte) (c < 0x20 || c == '"' || c == '\\' || c >= 0x80 ? 1 : 0);
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** UTF-8 bytes of each slot's key, or null when no raw (unescaped) key can name it. */
    private final byte[][] keys;
    private final boolean[] arraySlot;
    /** Slot whose key followed slot s in the last line ({@code next[slots]}: the first key); -1 unknown. */
    private final int[] next;

    private byte[] b;
    private int end;
    /** Set by {@link #string}: whether the string had an escape. */
    private boolean escaped;
    /** Set by {@link #string}: whether the string's text is in {@link #chars} (else it is ASCII only). */
    private boolean decoded;
    private char[] chars = new char[256];
    private int charsLen;

    JsonLinesFastPath(List<String> sourceNames, boolean[] arraySlot) {
        keys = new byte[sourceNames.size()][];
        for (int s = 0; s < keys.length; s++) {
            String name = sourceNames.get(s);
            // A name with a control character, quote, backslash or lone surrogate can only be
            // written with an escape, which this class leaves to Jackson: it never matches raw.
            boolean raw = StandardCharsets.UTF_8.newEncoder().canEncode(name);
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                raw &= c >= 0x20 && c != '"' && c != '\\';
            }
            keys[s] = raw ? name.getBytes(StandardCharsets.UTF_8) : null;
            for (int t = 0; t < s; t++) {
                if (name.equals(sourceNames.get(t))) {
                    keys[t] = null; // a name given twice: the last slot wins, as in the reader's HashMap
                }
            }
        }
        this.arraySlot = arraySlot;
        next = new int[keys.length + 1];
        Arrays.fill(next, -1);
    }

    /**
     * Parses {@code line[0, len)} into values / arrays / seen (cleared here for seen; values and
     * arrays must be clear on entry).
     *
     * @return true: done, exactly what the Jackson path gives; false: unsure, the caller must
     *         clear values and arrays and take the Jackson path
     */
    boolean parse(byte[] line, int len, String[] values, List<List<String>> arrays, boolean[] seen) {
        b = line;
        end = len;
        try {
            return object(values, arrays, seen);
        } finally {
            b = null;
        }
    }

    private boolean object(String[] values, List<List<String>> arrays, boolean[] seen) {
        Arrays.fill(seen, false);
        int p = ws(0);
        if (p >= end || b[p] != '{') {
            return false;
        }
        p = ws(p + 1);
        if (p < end && b[p] == '}') {
            return ws(p + 1) == end;
        }
        int prev = keys.length; // "before the first key" in next[]
        while (true) {
            if (p >= end || b[p] != '"') {
                return false;
            }
            int key = p + 1;
            int slot = next[prev];
            int keyEnd;
            byte[] k = slot >= 0 ? keys[slot] : null;
            if (k != null && key + k.length < end && b[key + k.length] == '"' && equalsAt(key, k)) {
                keyEnd = key + k.length; // the predicted key (its bytes contain no quote or backslash)
            } else {
                keyEnd = string(key, Math.min(end, key + MAX_KEY_BYTES + 1), false);
                if (keyEnd < 0 || escaped) {
                    return false; // an escaped key might still name a slot
                }
                slot = lookup(key, keyEnd);
                if (slot >= 0) {
                    next[prev] = slot;
                }
            }
            p = ws(keyEnd + 1);
            if (p >= end || b[p] != ':') {
                return false;
            }
            p = ws(p + 1);
            if (p >= end) {
                return false;
            }
            if (slot < 0) {
                p = skip(p, 1);
            } else {
                if (seen[slot]) {
                    return false; // a mapped key twice: MALFORMED for the Jackson path
                }
                seen[slot] = true;
                p = mappedValue(p, slot, values, arrays);
                prev = slot;
            }
            if (p < 0) {
                return false;
            }
            p = ws(p);
            if (p >= end) {
                return false;
            }
            byte c = b[p];
            if (c == '}') {
                return ws(p + 1) == end;
            }
            if (c != ',') {
                return false;
            }
            p = ws(p + 1);
        }
    }

    /** Slot named by the raw key bytes b[key, keyEnd), or -1. */
    private int lookup(int key, int keyEnd) {
        int n = keyEnd - key;
        for (int s = 0; s < keys.length; s++) {
            byte[] k = keys[s];
            if (k != null && k.length == n && equalsAt(key, k)) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Whether b[at, at + k.length) equals k (in bounds: the caller checked). Keys are short:
     * 8 bytes per load, no call into Arrays.equals' general mismatch (which showed up in profiles).
     */
    private boolean equalsAt(int at, byte[] k) {
        int n = k.length;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            if ((long) LONGS.get(b, at + i) != (long) LONGS.get(k, i)) {
                return false;
            }
        }
        for (; i < n; i++) {
            if (b[at + i] != k[i]) {
                return false;
            }
        }
        return true;
    }

    private int mappedValue(int p, int slot, String[] values, List<List<String>> arrays) {
        byte c = b[p];
        if (c == '"') {
            int q = string(p + 1, end, true);
            if (q < 0) {
                return UNSURE;
            }
            values[slot] = text(p + 1, q);
            return q + 1;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int q = number(p);
            if (q > 0) {
                values[slot] = new String(b, p, q - p, StandardCharsets.ISO_8859_1);
            }
            return q;
        }
        if (c == 'n') {
            return literal(p, "null"); // seen, no value
        }
        if (c == '[' && arraySlot[slot]) {
            List<String> items = new ArrayList<>(4);
            p = ws(p + 1);
            if (p < end && b[p] == ']') {
                arrays.set(slot, items);
                return p + 1;
            }
            while (true) {
                if (p >= end) {
                    return UNSURE;
                }
                if (b[p] == '"') {
                    int q = string(p + 1, end, true);
                    if (q < 0) {
                        return UNSURE;
                    }
                    items.add(text(p + 1, q));
                    p = q + 1;
                } else if (b[p] == 'n') {
                    p = literal(p, "null");
                    if (p < 0) {
                        return UNSURE;
                    }
                } else {
                    return UNSURE; // a number, boolean, object or array item: MALFORMED for Jackson
                }
                p = ws(p);
                if (p >= end) {
                    return UNSURE;
                }
                if (b[p] == ']') {
                    arrays.set(slot, items);
                    return p + 1;
                }
                if (b[p] != ',') {
                    return UNSURE;
                }
                p = ws(p + 1);
            }
        }
        return UNSURE; // true, false, an object, an array on a single-value slot, or not JSON
    }

    /** The string value b[from, to) (between the quotes) scanned last by {@link #string} with build. */
    private String text(int from, int to) {
        return decoded ? new String(chars, 0, charsLen) : new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Skips any value of the subset (for an unknown key) at p; returns the index after it or UNSURE. */
    private int skip(int p, int depth) {
        if (p >= end) {
            return UNSURE;
        }
        byte c = b[p];
        switch (c) {
            case '"' -> {
                int q = string(p + 1, end, false);
                return q < 0 ? UNSURE : q + 1;
            }
            case 'n' -> {
                return literal(p, "null");
            }
            case 't' -> {
                return literal(p, "true");
            }
            case 'f' -> {
                return literal(p, "false");
            }
            case '[', '{' -> {
                if (depth >= MAX_DEPTH) {
                    return UNSURE;
                }
                boolean object = c == '{';
                byte close = (byte) (object ? '}' : ']');
                p = ws(p + 1);
                if (p < end && b[p] == close) {
                    return p + 1;
                }
                while (true) {
                    if (object) {
                        if (p >= end || b[p] != '"') {
                            return UNSURE;
                        }
                        int q = string(p + 1, Math.min(end, p + 1 + MAX_KEY_BYTES + 1), false);
                        if (q < 0) {
                            return UNSURE;
                        }
                        p = ws(q + 1);
                        if (p >= end || b[p] != ':') {
                            return UNSURE;
                        }
                        p = ws(p + 1);
                    }
                    p = skip(p, depth + 1);
                    if (p < 0) {
                        return UNSURE;
                    }
                    p = ws(p);
                    if (p >= end) {
                        return UNSURE;
                    }
                    if (b[p] == close) {
                        return p + 1;
                    }
                    if (b[p] != ',') {
                        return UNSURE;
                    }
                    p = ws(p + 1);
                }
            }
            default -> {
                return c == '-' || (c >= '0' && c <= '9') ? number(p) : UNSURE;
            }
        }
    }

    /**
     * The literal at p; returns the index after it or UNSURE. What follows is checked by the
     * caller (only whitespace , ] } are accepted there, so "nullx" is refused).
     */
    private int literal(int p, String word) {
        int n = word.length();
        if (p + n > end) {
            return UNSURE;
        }
        for (int i = 0; i < n; i++) {
            if (b[p + i] != word.charAt(i)) {
                return UNSURE;
            }
        }
        return p + n;
    }

    /**
     * The number {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} at p; returns the index
     * after it or UNSURE. A following digit is impossible (the grammar is greedy); any other
     * following byte is checked by the caller.
     */
    private int number(int p) {
        int q = p;
        if (q < end && b[q] == '-') {
            q++;
        }
        if (q >= end || !digit(b[q])) {
            return UNSURE;
        }
        if (b[q] == '0') {
            q++;
            if (q < end && digit(b[q])) {
                return UNSURE; // leading zero: Jackson refuses (the caller's check of the next byte would too)
            }
        } else {
            q = digits(q);
        }
        if (q < end && b[q] == '.') {
            int d = q + 1;
            q = digits(d);
            if (q == d) {
                return UNSURE;
            }
        }
        if (q < end && (b[q] == 'e' || b[q] == 'E')) {
            q++;
            if (q < end && (b[q] == '+' || b[q] == '-')) {
                q++;
            }
            int d = q;
            q = digits(d);
            if (q == d) {
                return UNSURE;
            }
        }
        return q - p <= MAX_NUMBER_CHARS ? q : UNSURE;
    }

    private int digits(int q) {
        while (q < end && digit(b[q])) {
            q++;
        }
        return q;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private int ws(int p) {
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                break;
            }
            p++;
        }
        return p;
    }

    /**
     * Scans the string whose contents start at p (after the opening quote), up to limit.
     * Returns the index of the closing quote, or UNSURE for a raw control character, invalid
     * UTF-8, an escape other than the simple ones, or no closing quote before limit. Sets
     * {@link #escaped}, and {@link #decoded} when the text (not plain ASCII) is in {@link #chars}:
     * with {@code build}, a string with a non-ASCII byte or an escape is decoded in the same pass
     * (decoding into a reused char[] and {@code new String(char[])} was measured ~15% faster per
     * row than a second pass by {@code new String(bytes, UTF_8)}).
     */
    private int string(int p, int limit, boolean build) {
        int start = p;
        escaped = false;
        decoded = false;
        while (true) {
            // runs of plain ASCII, 8 bytes per step, then byte by byte up to the next special one
            while (p + 8 <= limit && !JsonBytes.special((long) LONGS.get(b, p))) {
                p += 8;
            }
            while (p < limit && STRING_CLASS[b[p] & 0xFF] == 0) {
                p++;
            }
            if (p >= limit) {
                return UNSURE;
            }
            int c = b[p] & 0xFF;
            if (c == '"') {
                return p;
            }
            if (c < 0x20) {
                return UNSURE; // a raw control character: Jackson refuses
            }
            if (build || c == '\\') {
                return decode(start, p, limit);
            }
            // validation only (keys, skipped values)
            p = JsonBytes.nonAsciiRunEnd(b, p, c, limit);
            if (p < 0) {
                return UNSURE;
            }
        }
    }

    /**
     * The rest of {@link #string} from p, where b[start, p) is plain ASCII: decodes into
     * {@link #chars} as Jackson reads the string (escapes, UTF-8 to UTF-16), validating UTF-8 as
     * {@link #utf8} does; same answer as {@link #string}.
     */
    private int decode(int start, int p, int limit) {
        decoded = true;
        if (chars.length < limit - start) {
            chars = new char[Math.max(limit - start, chars.length * 2)]; // one char at most per byte
        }
        char[] out = chars;
        int n = 0;
        for (int i = start; i < p; i++) {
            out[n++] = (char) b[i];
        }
        while (p < limit) {
            int c = b[p];
            if (c >= 0x20) {
                if (c == '"') {
                    charsLen = n;
                    return p;
                }
                if (c == '\\') {
                    escaped = true;
                    if (p + 1 >= limit) {
                        return UNSURE;
                    }
                    char e = switch (b[p + 1]) {
                        case '"' -> '"';
                        case '\\' -> '\\';
                        case '/' -> '/';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> 0; // \\u (surrogate pairs and all) is left to Jackson; others are errors
                    };
                    if (e == 0) {
                        return UNSURE;
                    }
                    out[n++] = e;
                    p += 2;
                } else {
                    out[n++] = (char) c;
                    p++;
                }
                continue;
            }
            if (c >= 0) {
                return UNSURE; // a raw control character
            }
            c &= 0xFF;
            if (p + 4 <= limit) {
                // the usual 3-byte character (lead E1..EC or EE..EF, two continuations) from one load
                int v = (int) INTS.get(b, p);
                if ((v & 0xC0C0F0) == 0x8080E0 && c != 0xE0 && c != 0xED) {
                    out[n++] = (char) ((c & 0x0F) << 12 | (v >>> 2 & 0xFC0) | (v >>> 16 & 0x3F));
                    p += 3;
                    continue;
                }
            }
            int q = JsonBytes.utf8End(b, p, c, limit);
            if (q < 0) {
                return UNSURE;
            }
            switch (q - p) {
                case 2 -> out[n++] = (char) ((c & 0x1F) << 6 | (b[p + 1] & 0x3F));
                case 3 -> out[n++] = (char) ((c & 0x0F) << 12 | (b[p + 1] & 0x3F) << 6 | (b[p + 2] & 0x3F));
                default -> {
                    int cp = (c & 0x07) << 18 | (b[p + 1] & 0x3F) << 12 | (b[p + 2] & 0x3F) << 6 | (b[p + 3] & 0x3F);
                    out[n++] = Character.highSurrogate(cp);
                    out[n++] = Character.lowSurrogate(cp);
                }
            }
            p = q;
        }
        return UNSURE;
    }
}
