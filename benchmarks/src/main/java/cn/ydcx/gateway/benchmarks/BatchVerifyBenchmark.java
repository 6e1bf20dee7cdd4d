package cn.ydcx.gateway.benchmarks;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.batch.BatchVerification;
import cn.ydcx.gateway.batch.BatchVerifier;
import cn.ydcx.gateway.batch.BatchWire;
import cn.ydcx.gateway.batch.RecordIds;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Sm3Lanes;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.jcs.CanonicalScanner;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.jcs.ByteChunks;
import cn.ydcx.gateway.merkle.MerkleAccumulator;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 4: records/s to verify a pre-signed {@value #RECORDS}-record batch, next to the raw
 * throughput of the suite's hash over the same leaf bytes. Every method handles the whole
 * batch per invocation and declares {@code @OperationsPerInvocation(RECORDS)}, so all scores
 * are records/s and directly comparable.
 *
 * <ul>
 *   <li>{@code verifyBytes}: BatchVerifier.verify(byte[]) on the request body as a sender now
 *       writes it (BatchWire: records in JCS form): locating the records in the bytes, checking
 *       each is canonical, recordIds, hashing each record's bytes as its leaf, Merkle root,
 *       signature, chain, CN; header and signature parsed with Jackson. What issue 4 measures.</li>
 *   <li>{@code verifyBatch}: the tree-based BatchVerifier.verify(JsonNode) on the same body
 *       already parsed (parse not counted): JCS of every record tree streamed into the hash.
 *       Kept for comparison; it is also what verifyBytes falls back to for a record that is not
 *       in JCS form.</li>
 *   <li>{@code verifyBytesJacksonOrder}: verify(byte[]) on the body as Jackson writes it
 *       (records in insertion order, as senders wrote before BatchWire): no record is canonical,
 *       so every record takes the fallback (slice parsed with Jackson, then the tree path).</li>
 *   <li>{@code readTree}: Json.mapper().readTree of the body, which a receiver needs anyway to
 *       store the records; {@code parseAndVerify}: readTree + verify(body, tree), what
 *       ReceiveService does end to end.</li>
 *   <li>{@code hashLeaves} (baseline): the raw leaf hash throughput of the suite's hash as the
 *       gateway computes it, over 0x00 ‖ each precomputed JCS leaf: for SM2-SM3 with the vector
 *       module present, all leaves at once in SM3 vector lanes ({@code Sm3Lanes.hashAll}, the
 *       fastest way this machine hashes them); otherwise, and for ES256, Bouncy Castle with one
 *       reused digest.</li>
 *   <li>{@code hashLeavesOneByOne}: the suite's Bouncy Castle digest, one leaf after the other
 *       (the baseline before vector lanes; for ES256 the same as hashLeaves).</li>
 * </ul>
 * Target: verifying costs ≤ 1.5× hashLeaves, i.e. hashLeaves score / verifyBytes score ≤ 1.5.
 *
 * <p>The other methods split verifyBatch into its per-record parts, so a ratio above target can
 * be explained without a profiler: {@code jcsLeaves} (JCS of each record tree),
 * {@code recordIds} (recomputing each recordId), {@code merkleRoot} (RFC 6962 tree over
 * precomputed leaves, leaf and node hashes through the gateway's MerkleAccumulator); and
 * verifyBytes' own check that each record is canonical: {@code scanRecords} (CanonicalScanner
 * as verifyBytes runs it, with the vector fast pass) next to {@code scanRecordsScalar} (the
 * careful byte-by-byte pass alone, as before the fast pass).
 */
// fixed heap: GC sizing must not differ between the measured method and its baseline
// the vector module: SM3 in vector lanes for the verifier and the baseline alike (Sm3Lanes)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class BatchVerifyBenchmark {

    public static final int RECORDS = 10_000;

    @Param({"SM2-SM3", "ES256"})
    public String suite;

    private Suite s;
    private BatchVerifier verifier;
    private JsonNode received;
    private byte[] wire;
    private byte[] jacksonWire;
    private JsonNode[] records;
    private byte[][] leaves;
    private MessageDigest digest;
    /** The leaves as one JSON array, and where each leaf lies in it. */
    private byte[] leafArray;
    private int[] leafStart;
    private CanonicalScanner scanner;
    private CanonicalScanner scalarScanner;

    @Setup(Level.Trial)
    public void setUp() {
        s = Suite.of(suite);
        PkiLayout pki = Fixtures.pki();
        ObjectNode signed = new BatchSigner(pki.credentials(s, "ZJ")).sign("ZJ-penalty-000007", NodeCode.ZJ,
                Dataset.PENALTY, 7, Instant.parse("2026-11-27T10:00:00Z"), Fixtures.zjPenaltyRecords(RECORDS));
        try {
            // What a receiver verifies is the request body (or its parse), not the signer's own tree.
            wire = BatchWire.toBytes(signed); // as OutboundBatchService sends it
            jacksonWire = Json.mapper().writeValueAsBytes(signed);
            received = Json.mapper().readTree(wire);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        verifier = new BatchVerifier(TrustedRoots.of(pki.rootCertificate(s)));
        BatchVerification v = verifier.verify(received);
        if (!v.valid()) {
            throw new IllegalStateException(suite + ": benchmark batch does not verify: " + v.detail());
        }
        for (byte[] body : new byte[][] {wire, jacksonWire}) {
            BatchVerification b = verifier.verify(body);
            if (!b.valid()) {
                throw new IllegalStateException(suite + ": benchmark body does not verify from bytes: " + b.detail());
            }
        }
        JsonNode recs = received.get("records");
        records = new JsonNode[recs.size()];
        leaves = new byte[recs.size()][];
        long leafBytes = 0;
        for (int i = 0; i < records.length; i++) {
            records[i] = recs.get(i);
            leaves[i] = Jcs.canonicalize(records[i]);
            leafBytes += leaves[i].length;
        }
        digest = s.newDigest();
        leafArray = new byte[(int) leafBytes + records.length + 1];
        leafStart = new int[records.length];
        int at = 0;
        for (int i = 0; i < records.length; i++) {
            leafArray[at++] = (byte) (i == 0 ? '[' : ',');
            leafStart[i] = at;
            System.arraycopy(leaves[i], 0, leafArray, at, leaves[i].length);
            at += leaves[i].length;
        }
        leafArray[at] = ']';
        String[] fields = {"source", "dataset", "sourceKey", "recordId"}; // as BatchLayout asks
        scanner = new CanonicalScanner(fields);
        scalarScanner = new CanonicalScanner(ByteChunks.scalar(), fields);
        if (scanRecords() != leafArray.length - 1 || scanRecordsScalar() != leafArray.length - 1) {
            throw new IllegalStateException(suite + ": the scanner does not accept the canonical leaves");
        }
        System.out.printf("%n[setup] %s: %d records, batch %.2f MB on the wire, leaves %.2f MB (%d bytes/leaf avg), %s%n",
                suite, records.length, wire.length / 1e6, leafBytes / 1e6, leafBytes / records.length, Sm3Lanes.get());
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public BatchVerification verifyBatch() {
        return verifier.verify(received);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public BatchVerification verifyBytes() {
        return verifier.verify(wire);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public BatchVerification verifyBytesJacksonOrder() {
        return verifier.verify(jacksonWire);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public JsonNode readTree() throws IOException {
        return Json.mapper().readTree(wire);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public BatchVerification parseAndVerify() throws IOException {
        return verifier.verify(wire, Json.mapper().readTree(wire));
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void hashLeaves(Blackhole bh) {
        if (s == Suite.SM2_SM3 && Sm3Lanes.get().vectorized()) {
            bh.consume(Sm3Lanes.get().hashAll(leaves, (byte) 0x00));
        } else {
            hashLeavesOneByOne(bh);
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void hashLeavesOneByOne(Blackhole bh) {
        MessageDigest md = digest;
        for (byte[] leaf : leaves) {
            md.update((byte) 0x00);
            md.update(leaf);
            bh.consume(md.digest());
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void jcsLeaves(Blackhole bh) {
        for (JsonNode r : records) {
            bh.consume(Jcs.canonicalize(r));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void recordIds(Blackhole bh) {
        for (JsonNode r : records) {
            bh.consume(RecordIds.of(r.get("source").textValue(), r.get("dataset").textValue(),
                    r.get("sourceKey").textValue()));
        }
    }

    /** CanonicalScanner over each leaf in place, as verifyBytes runs it (vector steps when the module is there). */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int scanRecords() {
        return scanAll(scanner);
    }

    /** The same with ByteChunks.scalar(): every string byte by byte, as before the vector steps. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int scanRecordsScalar() {
        return scanAll(scalarScanner);
    }

    private int scanAll(CanonicalScanner sc) {
        int end = 0;
        for (int start : leafStart) {
            end = sc.scan(leafArray, start, leafArray.length);
            if (end < 0) {
                return end;
            }
        }
        return end;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public byte[] merkleRoot() {
        MerkleAccumulator tree = new MerkleAccumulator(s);
        for (byte[] leaf : leaves) {
            tree.addLeaf(leaf);
        }
        return tree.root();
    }
}
