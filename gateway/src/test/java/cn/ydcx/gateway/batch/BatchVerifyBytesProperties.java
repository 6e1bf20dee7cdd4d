package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFixtures.*;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random bodies near a signed batch (byte edits, record-level changes, other writings) get the
 * same verdict from {@link BatchVerifier#verify(byte[])} as from the tree-based verifier.
 */
class BatchVerifyBytesProperties {
    private static final BatchVerifier VERIFIER = new BatchVerifier(sampleRoots());
    private static final Map<Suite, ObjectNode> SIGNED = new EnumMap<>(Suite.class);
    private static final byte[] EDIT_BYTES = {' ', '\n', '\\', '"', '/', 'u', '0', '1', 'e', '.', '-', ',', ':',
        '{', '}', '[', ']', 'a', 'Z', 0x00, 0x01, 0x7f, (byte) 0x80, (byte) 0xc0, (byte) 0xe6, (byte) 0xed,
        (byte) 0xf4, (byte) 0xff};

    static {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (Suite suite : Suite.values()) {
            SIGNED.put(suite, new BatchSigner(samplePki().credentials(suite, "ZJ")).sign("batch-p", NodeCode.ZJ,
                    Dataset.PENALTY, 9, created, records(NodeCode.ZJ, Dataset.PENALTY, 3)));
        }
    }

    @Property(tries = 600)
    void byteEditsGetTheTreeVerdict(@ForAll("suites") Suite suite, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        byte[] b = BatchWire.toBytes(SIGNED.get(suite));
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            b = edit(b, r);
        }
        BatchVerification v = SameVerdict.check(VERIFIER, b);
        Statistics.label("verdict").collect(v.valid() ? "valid" : v.detail().startsWith("body is not JSON") ? "not JSON"
                : v.problem().name());
    }

    @Property(tries = 150)
    void recordChangesGetTheTreeVerdict(@ForAll("suites") Suite suite, @ForAll("seeds") long seed) throws Exception {
        Random r = new Random(seed);
        ObjectNode batch = SIGNED.get(suite).deepCopy();
        ArrayNode recs = (ArrayNode) batch.get("records");
        switch (r.nextInt(6)) {
            case 0 -> recs.remove(r.nextInt(recs.size()));
            case 1 -> recs.add(recs.get(r.nextInt(recs.size())).deepCopy());
            case 2 -> recs.insert(0, recs.remove(recs.size() - 1));
            case 3 -> ((ObjectNode) recs.get(r.nextInt(recs.size()))).put("op", "DELETE");
            case 4 -> ((ObjectNode) recs.get(r.nextInt(recs.size())).get("data")).put("extra", r.nextInt(100));
            default -> { }
        }
        if (r.nextBoolean()) {
            ((ObjectNode) batch.get("header")).put("count", recs.size());
            resign(batch, samplePki().credentials(suite, "ZJ"));
        }
        byte[] body = switch (r.nextInt(3)) {
            case 0 -> BatchWire.toBytes(batch);
            case 1 -> Json.mapper().writeValueAsBytes(batch);
            default -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(batch);
        };
        BatchVerification v = SameVerdict.check(VERIFIER, body);
        Statistics.label("verdict").collect(v.valid() ? "valid" : v.problem().name());
    }

    /** One insertion, deletion or replacement, mostly inside the records. */
    private static byte[] edit(byte[] b, Random r) {
        int at = r.nextInt(b.length + 1);
        byte x = EDIT_BYTES[r.nextInt(EDIT_BYTES.length)];
        return switch (r.nextInt(3)) {
            case 0 -> {
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = x;
                System.arraycopy(b, at, c, at + 1, b.length - at);
                yield c;
            }
            case 1 -> {
                if (at == b.length) {
                    yield b;
                }
                byte[] c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                yield c;
            }
            default -> {
                if (at == b.length) {
                    yield b;
                }
                byte[] c = b.clone();
                c[at] = x;
                yield c;
            }
        };
    }

    @Provide
    Arbitrary<Suite> suites() {
        return Arbitraries.of(Suite.class);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
