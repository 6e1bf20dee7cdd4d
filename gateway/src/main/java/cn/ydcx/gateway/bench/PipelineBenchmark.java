package cn.ydcx.gateway.bench;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.batch.BatchVerification;
import cn.ydcx.gateway.batch.BatchVerifier;
import cn.ydcx.gateway.batch.BatchWire;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Sm3Lanes;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.mapping.MappingRegistry;
import cn.ydcx.gateway.mapping.MappingSource;
import cn.ydcx.gateway.mapping.NormalizeSink;
import cn.ydcx.gateway.mapping.Normalizer;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * normalize → sign → verify over one scaled ZJ penalty file, with two baselines measured in the
 * same run: parsing the same CSV with Commons CSV only, and hashing the same leaves with the
 * suite hash only. Each stage runs {@code warmup} times unmeasured, then {@code runs} times;
 * the median is reported.
 */
public final class PipelineBenchmark {

    private final Path csv;
    private final Suite suite;
    private final PkiLayout pki;
    private final int warmup;
    private final int runs;
    private final PrintStream out;

    public PipelineBenchmark(Path csv, Suite suite, PkiLayout pki, int warmup, int runs, PrintStream out) {
        this.csv = csv;
        this.suite = suite;
        this.pki = pki;
        this.warmup = warmup;
        this.runs = runs;
        this.out = out;
    }

    public record Result(String stage, long rows, double medianSeconds) {
        public double rowsPerSecond() {
            return rows / medianSeconds;
        }
    }

    public List<Result> run() throws IOException {
        Normalizer normalizer = new Normalizer(MappingRegistry.load(MappingSource.defaultSource()));
        BatchSigner signer = new BatchSigner(pki.credentials(suite, "ZJ"));
        BatchVerifier verifier = new BatchVerifier(TrustedRoots.of(pki.rootCertificate(suite)));

        List<JsonNode> records = normalize(normalizer);
        long rows = countRows();
        ObjectNode[] batch = new ObjectNode[1];
        List<Result> results = new ArrayList<>();
        results.add(measure("parse only (UTF-8 decode + RFC 4180 split, baseline)", rows, () -> countRows()));
        results.add(measure("normalize + validate", rows, () -> normalize(normalizer).size()));
        results.add(measure("sign batch (JCS + Merkle + " + suite.wireName() + ")", records.size(), () -> {
            batch[0] = signer.sign("bench", NodeCode.ZJ, Dataset.PENALTY, 1, Instant.now(), records);
            return batch[0].get("records").size();
        }));
        boolean lanes = suite == Suite.SM2_SM3 && Sm3Lanes.get().vectorized();
        results.add(measure("hash leaves only (JCS + " + (suite == Suite.SM2_SM3 ? "SM3" : "SHA-256")
                + (lanes ? " lanes" : "") + ", baseline)", records.size(), () -> {
            if (lanes) { // the same hashing the signer's MerkleAccumulator does
                byte[][] leaves = new byte[records.size()][];
                for (int i = 0; i < leaves.length; i++) {
                    leaves[i] = Jcs.canonicalize(records.get(i));
                }
                return Sm3Lanes.get().hashAll(leaves, (byte) 0x00).length;
            }
            long n = 0;
            for (JsonNode r : records) {
                n += MerkleTree.leafHash(suite, Jcs.canonicalize(r)).length > 0 ? 1 : 0;
            }
            return n;
        }));
        // what a receiver verifies: the request body as OutboundBatchService sends it
        byte[] wire = BatchWire.toBytes(batch[0]);
        results.add(measure("verify batch (request bytes)", records.size(), () -> {
            BatchVerification v = verifier.verify(wire);
            if (!v.valid()) {
                throw new IllegalStateException("benchmark batch does not verify: " + v.detail());
            }
            return records.size();
        }));
        double total = results.get(1).medianSeconds() + results.get(2).medianSeconds() + results.get(4).medianSeconds();
        Result sum = new Result("normalize → sign → verify (sum of medians)", rows, total);
        out.printf("%-52s %9d rows  %8.3f s  %,12.0f rows/s%n", sum.stage(), sum.rows(), sum.medianSeconds(),
                sum.rowsPerSecond());
        results.add(sum);
        return results;
    }

    private Result measure(String stage, long rows, Stage body) throws IOException {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        double[] secs = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            body.run();
            secs[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(secs);
        Result r = new Result(stage, rows, secs[runs / 2]);
        out.printf("%-52s %9d rows  %8.3f s  %,12.0f rows/s%n", r.stage(), r.rows(), r.medianSeconds(), r.rowsPerSecond());
        return r;
    }

    private List<JsonNode> normalize(Normalizer normalizer) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(csv)) {
            normalizer.normalize(NodeCode.ZJ, Dataset.PENALTY, in, new NormalizeSink() {
                @Override
                public void record(CanonicalRecord r) {
                    records.add(r.toJson());
                }

                @Override
                public void reject(Reject r) {
                    // counted by the normaliser; the benchmark measures throughput only
                }
            });
        }
        return records;
    }

    /** Parse-only baseline: decode UTF-8 and split every row into fields, nothing else. */
    private long countRows() throws IOException {
        long n = 0;
        try (java.io.BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                List<String> fields = ScaledSample.split(line);
                n += fields == null || !fields.isEmpty() ? 1 : 0; // a malformed row is still a row
            }
        }
        return n;
    }

    @FunctionalInterface
    private interface Stage {
        long run() throws IOException;
    }
}
