package cn.ydcx.gateway.jcs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * One {@link CanonicalScanner} scanning a sequence of similar records (as BatchLayout does for a
 * batch) answers every record exactly as a fresh scanner does, and whatever it accepts is strict
 * UTF-8 whose JCS is itself: any state kept between scans (e.g. keys remembered from earlier
 * records to skip key checks) must not change a verdict. Records drift from a base record by
 * renamed keys (also one byte off, across 8-byte boundaries, longer than the template's room),
 * added, removed, swapped and duplicated members, changed values, keys edited in the bytes and
 * invalid UTF-8 written into long CJK runs at any offset.
 */
class CanonicalScannerSequenceProperties {
    private static final ObjectReader STRICT = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String[] FIELDS = {"source", "dataset", "sourceKey", "recordId"};
    private static final String LONG_KEY = "k".repeat(70);
    private static final String[] KEYS = {"a", "b", "ab", "aa", "data", "dataset", "dataSource", "id", "name", "op",
        "source", "sourceKey", "sourceKez", "recordId", "uscc", "z", "abcdefg", "abcdefgh", "abcdefgi", "abcdefghijklmno",
        "abcdefghijklmnop", "abcdefghijklmnoq", "decisionDate", "decisionNumber", LONG_KEY, LONG_KEY + "a", ""};
    private static final String CJK = "宁波市市场监督管理局罚款人民币元甬市监〔〕号《》，。；（）中华人民共和国食品安全法";
    private static final byte[] BAD = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xE0, (byte) 0xED,
        (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, 'A', '"', '\\', 0x00, 0x1F};

    @Property(tries = 400)
    void oneScannerForManyRecordsAnswersAsAFreshOne(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        CanonicalScanner shared = new CanonicalScanner(FIELDS);
        List<Object[]> base = object(r, 0);
        int n = 2 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            List<Object[]> rec = copy(base);
            boolean sorted = true;
            int ops = r.nextInt(4);
            byte[] bytes = null;
            int edit = -1;
            for (int k = 0; k < ops; k++) {
                List<Object[]> o = someObject(rec, r);
                int op = r.nextInt(9);
                edit = op >= 7 ? op : edit;
                switch (op) {
                    case 0 -> { // rename, often one byte off
                        if (!o.isEmpty()) {
                            Object[] m = o.get(r.nextInt(o.size()));
                            m[0] = r.nextBoolean() ? oneOff((String) m[0], r) : KEYS[r.nextInt(KEYS.length)];
                        }
                    }
                    case 1 -> o.add(new Object[] {KEYS[r.nextInt(KEYS.length)], value(r, 1)});
                    case 2 -> {
                        if (!o.isEmpty()) {
                            o.remove(r.nextInt(o.size()));
                        }
                    }
                    case 3 -> sorted = false; // members swapped when written
                    case 4 -> { // a duplicate member
                        if (!o.isEmpty()) {
                            Object[] m = o.get(r.nextInt(o.size()));
                            o.add(new Object[] {m[0], r.nextBoolean() ? m[1] : value(r, 1)});
                        }
                    }
                    case 5, 6 -> {
                        if (!o.isEmpty()) {
                            o.get(r.nextInt(o.size()))[1] = value(r, 1);
                        }
                    }
                    default -> { }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(rec, sorted, r, out);
            bytes = out.toByteArray();
            if (edit == 7) { // a byte of a key edited in place
                int q = keyByte(bytes, r);
                if (q >= 0) {
                    bytes[q] = r.nextInt(3) == 0 ? BAD[r.nextInt(BAD.length)] : (byte) (bytes[q] + (r.nextBoolean() ? 1 : -1));
                }
            } else if (edit == 8) { // invalid UTF-8 in a CJK run, at any offset
                int q = cjkByte(bytes, r);
                if (q >= 0) {
                    bytes[q] = BAD[r.nextInt(BAD.length)];
                }
            }
            if (r.nextInt(4) == 0) {
                base = rec;
            }
            check(shared, bytes, r);
        }
    }

    private static void check(CanonicalScanner shared, byte[] rec, Random r) throws Exception {
        // inside a larger buffer; the limit sometimes right at the record's end
        int off = r.nextInt(3);
        byte[] buf = new byte[off + rec.length + 2];
        System.arraycopy(rec, 0, buf, off, rec.length);
        buf[off + rec.length] = ',';
        int limit = r.nextBoolean() ? off + rec.length : buf.length;
        CanonicalScanner fresh = new CanonicalScanner(FIELDS);
        int got = shared.scan(buf, off, limit);
        int want = fresh.scan(buf, off, limit);
        Statistics.label("accepted").collect(got >= 0);
        assertThat(got).as(new String(rec, StandardCharsets.UTF_8)).isEqualTo(want);
        if (got < 0) {
            return;
        }
        for (int f = 0; f < FIELDS.length; f++) {
            assertThat(shared.fieldStart(f)).isEqualTo(fresh.fieldStart(f));
            assertThat(shared.fieldEnd(f)).isEqualTo(fresh.fieldEnd(f));
        }
        byte[] slice = Arrays.copyOfRange(buf, off, got);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(slice)); // throws if not UTF-8
        assertThat(Jcs.canonicalize(STRICT.readTree(slice))).isEqualTo(slice);
    }

    // ---- records: an object is a list of {key, value} members, values String, Long or object

    private static List<Object[]> object(Random r, int depth) {
        List<Object[]> o = new ArrayList<>();
        int n = depth == 0 ? 4 + r.nextInt(8) : r.nextInt(6);
        for (int i = 0; i < n; i++) {
            o.add(new Object[] {KEYS[r.nextInt(KEYS.length)], value(r, depth + 1)});
        }
        dedupe(o);
        return o;
    }

    private static void dedupe(List<Object[]> o) {
        List<String> seen = new ArrayList<>();
        o.removeIf(m -> {
            boolean dup = seen.contains((String) m[0]);
            seen.add((String) m[0]);
            return dup;
        });
    }

    private static Object value(Random r, int depth) {
        int k = r.nextInt(depth < 3 ? 6 : 4);
        return switch (k) {
            case 0 -> (long) r.nextInt(100000) - 100;
            case 1 -> "ZJ";
            case 2, 3 -> cjk(r);
            default -> object(r, depth);
        };
    }

    private static String cjk(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            int x = r.nextInt(20);
            sb.append(x == 0 ? "7" : x == 1 ? "é" : x == 2 ? "\uD83D\uDE00" : x == 3 ? "\uFFFF" : x == 4 ? "\u0800"
                    : String.valueOf(CJK.charAt(r.nextInt(CJK.length()))));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> copy(List<Object[]> o) {
        List<Object[]> c = new ArrayList<>();
        for (Object[] m : o) {
            c.add(new Object[] {m[0], m[1] instanceof List ? copy((List<Object[]>) m[1]) : m[1]});
        }
        return c;
    }

    /** The record itself or one of its nested objects. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> someObject(List<Object[]> o, Random r) {
        List<List<Object[]>> all = new ArrayList<>();
        collect(o, all);
        return all.get(r.nextInt(all.size()));
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<Object[]> o, List<List<Object[]>> all) {
        all.add(o);
        for (Object[] m : o) {
            if (m[1] instanceof List) {
                collect((List<Object[]>) m[1], all);
            }
        }
    }

    private static String oneOff(String k, Random r) {
        if (k.isEmpty()) {
            return "a";
        }
        int i = r.nextInt(3) == 0 ? k.length() - 1 : r.nextInt(k.length());
        return switch (r.nextInt(4)) {
            case 0 -> k.substring(0, i) + (char) (k.charAt(i) + 1) + k.substring(i + 1);
            case 1 -> k.substring(0, i) + (char) (k.charAt(i) - 1) + k.substring(i + 1);
            case 2 -> k + "a";
            default -> k.substring(0, k.length() - 1);
        };
    }

    /** JCS-like: members in key order when sorted (else two adjacent members swapped), duplicates kept. */
    @SuppressWarnings("unchecked")
    private static void write(List<Object[]> o, boolean sorted, Random r, ByteArrayOutputStream out) {
        List<Object[]> ms = new ArrayList<>(o);
        ms.sort(Comparator.comparing(m -> (String) m[0]));
        if (!sorted && ms.size() > 1 && r.nextInt(3) == 0) {
            int i = r.nextInt(ms.size() - 1);
            Object[] t = ms.get(i);
            ms.set(i, ms.get(i + 1));
            ms.set(i + 1, t);
        }
        out.write('{');
        for (int i = 0; i < ms.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(Jcs.canonicalize(JsonNodeFactory.instance.textNode((String) ms.get(i)[0])));
            out.write(':');
            Object v = ms.get(i)[1];
            if (v instanceof List) {
                write((List<Object[]>) v, sorted, r, out);
            } else if (v instanceof Long l) {
                out.writeBytes(Long.toString(l).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.writeBytes(Jcs.canonicalize(JsonNodeFactory.instance.textNode((String) v)));
            }
        }
        out.write('}');
    }

    /** A random byte inside a key ('"' .. '":'), or -1. */
    private static int keyByte(byte[] b, Random r) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '"' && b[i + 1] == ':') {
                int j = i - 1;
                while (j >= 0 && b[j] != '"') {
                    j--;
                }
                for (int q = j; q <= i + 1; q++) {
                    at.add(q);
                }
            }
        }
        return at.isEmpty() ? -1 : at.get(r.nextInt(at.size()));
    }

    /** A random byte inside a run of at least 24 non-ASCII bytes, or -1. */
    private static int cjkByte(byte[] b, Random r) {
        List<Integer> at = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < b.length; i++) {
            run = (b[i] & 0x80) != 0 ? run + 1 : 0;
            if (run == 24) {
                for (int q = i - 23; q <= i; q++) {
                    at.add(q);
                }
            } else if (run > 24) {
                at.add(i);
            }
        }
        return at.isEmpty() ? -1 : at.get(r.nextInt(at.size()));
    }
}
