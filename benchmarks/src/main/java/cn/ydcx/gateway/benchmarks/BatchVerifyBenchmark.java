package cn.ydcx.gateway.benchmarks;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.batch.BatchVerification;
import cn.ydcx.gateway.batch.BatchVerifier;
import cn.ydcx.gateway.batch.RecordIds;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.jcs.Jcs;
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
 *   <li>{@code verifyBatch}: BatchVerifier.verify on the batch as a receiver holds it (the
 *       signed document serialised and parsed back): shape, count, recordIds, JCS of every
 *       record, Merkle root, signature, chain, CN.</li>
 *   <li>{@code hashLeaves} (baseline): the suite's hash (SM3 / SHA-256, same provider as the
 *       gateway) over 0x00 ‖ each precomputed JCS leaf, with one reused digest.</li>
 * </ul>
 * Target: verifyBatch costs ≤ 1.5× hashLeaves, i.e. hashLeaves score / verifyBatch score ≤ 1.5.
 *
 * <p>The other methods split verifyBatch into its per-record parts, so a ratio above target can
 * be explained without a profiler: {@code jcsLeaves} (JCS of each record tree),
 * {@code recordIds} (recomputing each recordId), {@code merkleRoot} (RFC 6962 tree over
 * precomputed leaves, leaf and node hashes through the gateway's MerkleAccumulator).
 */
// fixed heap: GC sizing must not differ between the measured method and its baseline
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
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
    private JsonNode[] records;
    private byte[][] leaves;
    private MessageDigest digest;

    @Setup(Level.Trial)
    public void setUp() {
        s = Suite.of(suite);
        PkiLayout pki = Fixtures.pki();
        ObjectNode signed = new BatchSigner(pki.credentials(s, "ZJ")).sign("ZJ-penalty-000007", NodeCode.ZJ,
                Dataset.PENALTY, 7, Instant.parse("2026-11-27T10:00:00Z"), Fixtures.zjPenaltyRecords(RECORDS));
        byte[] wire;
        try {
            // What a receiver verifies is the parsed request body, not the signer's own tree.
            wire = Json.mapper().writeValueAsBytes(signed);
            received = Json.mapper().readTree(wire);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        verifier = new BatchVerifier(TrustedRoots.of(pki.rootCertificate(s)));
        BatchVerification v = verifier.verify(received);
        if (!v.valid()) {
            throw new IllegalStateException(suite + ": benchmark batch does not verify: " + v.detail());
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
        System.out.printf("%n[setup] %s: %d records, batch %.2f MB on the wire, leaves %.2f MB (%d bytes/leaf avg)%n",
                suite, records.length, wire.length / 1e6, leafBytes / 1e6, leafBytes / records.length);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public BatchVerification verifyBatch() {
        return verifier.verify(received);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void hashLeaves(Blackhole bh) {
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
