package cn.ydcx.gateway.jcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link ChunkedWalk}, the scanner's fast pass, with one instance over a sequence of records (so
 * that its skeletons are learnt and reused, as for a batch): it answers only what the careful
 * pass answers, with the same fields; and it does answer for every canonical record with no
 * escape and no byte that needs care, both the first time a shape is seen (the walk) and
 * after (the skeleton match). Records are JCS of random trees of batch-like shape; some are
 * spoilt by byte edits before they are scanned.
 */
class ChunkedWalkProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] FIELDS = {"source", "dataset", "sourceKey", "recordId"};
    private static final String[] KEYS = {"data", "dataset", "source", "sourceKey", "recordId", "name", "uscc", "a",
        "b", "content", "decisionDate", "decisionNumber", "penaltyTypes", "k".repeat(70), ""};
    /** Plain: Chinese (leads E4..E9), full-width forms (EF), é (C3), ASCII without '"' and '\\'. */
    private static final String PLAIN = "宁波市市场监督管理局罚款人民币元甬〔〕号《》，。（）éabcXYZ 019/-:,{}[]";
    /** Needs care: escapes, controls, 4-byte, E0 and ED leads. */
    private static final String[] CAREFUL = {"\"", "\\", "\n", "\u0001", "\uD83D\uDE00", "\u0800", "\uD7FF"};
    private static final byte[] EDITS = {' ', '\\', '"', ',', ':', '{', '}', '[', ']', '0', 'a', 0x00, 0x1F, 0x7F,
        (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xE0, (byte) 0xED, (byte) 0xF0, (byte) 0xFF};

    @Property(tries = 300)
    void answersOnlyAsTheCarefulPassAndForEveryPlainRecord(@ForAll long seed) {
        Random r = new Random(seed);
        int[] fieldStart = new int[FIELDS.length];
        int[] fieldEnd = new int[FIELDS.length];
        byte[][] names = new byte[FIELDS.length][];
        for (int i = 0; i < FIELDS.length; i++) {
            names[i] = FIELDS[i].getBytes(StandardCharsets.UTF_8);
        }
        ChunkedWalk walk = new ChunkedWalk(ByteChunks.best(), names, fieldStart, fieldEnd);
        CanonicalScanner careful = new CanonicalScanner(ByteChunks.scalar(), FIELDS);
        List<ObjectNode> shapes = new ArrayList<>();
        int n = 5 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            boolean plain = r.nextInt(4) != 0;
            ObjectNode rec = shapes.isEmpty() || r.nextInt(3) == 0 ? record(r, plain) : refill(shapes.get(r.nextInt(shapes.size())), r, plain);
            shapes.add(rec);
            byte[] jcs = Jcs.canonicalize(rec);
            boolean spoilt = r.nextInt(5) == 0;
            if (spoilt) {
                for (int e = 1 + r.nextInt(3); e > 0; e--) {
                    jcs[r.nextInt(jcs.length)] = EDITS[r.nextInt(EDITS.length)];
                }
            }
            // inside a larger buffer: at offset 0..2, followed by a comma and up to 100 bytes
            int off = r.nextInt(3);
            byte[] buf = new byte[off + jcs.length + 1 + r.nextInt(100)];
            System.arraycopy(jcs, 0, buf, off, jcs.length);
            buf[off + jcs.length] = ',';
            for (int k = off + jcs.length + 1; k < buf.length; k++) {
                buf[k] = (byte) "\"a,}é".charAt(r.nextInt(5));
            }
            int limit = r.nextBoolean() ? off + jcs.length : buf.length;
            int got = walk.scan(buf, off, limit);
            int want = careful.scan(buf, off, limit);
            String what = new String(jcs, StandardCharsets.UTF_8);
            Statistics.label("fast pass").collect(got >= 0 ? "answered" : want >= 0 ? "left to careful" : "refused");
            if (got >= 0) {
                assertThat(got).as(what).isEqualTo(want);
                for (int f = 0; f < FIELDS.length; f++) {
                    assertThat(fieldStart[f]).as("%s start of %s", FIELDS[f], what).isEqualTo(careful.fieldStart(f));
                    assertThat(fieldEnd[f]).as("%s end of %s", FIELDS[f], what).isEqualTo(careful.fieldEnd(f));
                }
            } else if (plain && !spoilt) {
                throw new AssertionError("the fast pass left a plain canonical record to the careful one (careful: " + want + ", offset " + off + ", limit " + limit + ", buffer " + buf.length + "): " + what);
            }
        }
    }

    /** A batch-like record: the requested fields at the top, nested objects and arrays below. */
    private static ObjectNode record(Random r, boolean plain) {
        ObjectNode o = F.objectNode();
        for (String f : FIELDS) {
            if (r.nextInt(5) != 0) {
                o.put(f, text(r, plain));
            }
        }
        o.set("data", object(r, 1, plain));
        if (r.nextBoolean()) {
            o.put("op", r.nextBoolean() ? "UPSERT" : "RETRACT");
        }
        return o;
    }

    /** The same keys and nesting as shape with other values: what the skeletons are for. */
    private static ObjectNode refill(ObjectNode shape, Random r, boolean plain) {
        ObjectNode o = F.objectNode();
        shape.fields().forEachRemaining(e -> o.set(e.getKey(), refill(e.getValue(), r, plain)));
        return o;
    }

    private static JsonNode refill(JsonNode v, Random r, boolean plain) {
        if (v.isObject()) {
            return refill((ObjectNode) v, r, plain);
        }
        if (v.isArray()) {
            ArrayNode a = F.arrayNode();
            v.forEach(x -> a.add(refill(x, r, plain)));
            return a;
        }
        return v.isTextual() ? F.textNode(text(r, plain)) : v;
    }

    private static ObjectNode object(Random r, int depth, boolean plain) {
        ObjectNode o = F.objectNode();
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            String key = KEYS[r.nextInt(KEYS.length)];
            switch (r.nextInt(depth < 3 ? 8 : 5)) {
                case 0 -> o.put(key, r.nextInt(100000) - 10);
                case 1 -> o.put(key, r.nextBoolean());
                case 2 -> o.putNull(key);
                case 3, 4 -> o.put(key, text(r, plain));
                case 5 -> {
                    ArrayNode a = o.putArray(key);
                    for (int k = r.nextInt(4); k > 0; k--) {
                        a.add(r.nextBoolean() ? F.textNode(text(r, plain)) : object(r, depth + 1, plain));
                    }
                }
                default -> o.set(key, object(r, depth + 1, plain));
            }
        }
        return o;
    }

    /** Short or long (across several chunks) text; when not plain, sometimes with a character that needs care. */
    private static String text(Random r, boolean plain) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(6) == 0 ? r.nextInt(200) : r.nextInt(25);
        for (int i = 0; i < n; i++) {
            sb.append(!plain && r.nextInt(15) == 0 ? CAREFUL[r.nextInt(CAREFUL.length)] : PLAIN.charAt(r.nextInt(PLAIN.length())));
        }
        return sb.toString();
    }
}
