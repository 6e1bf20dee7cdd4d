package cn.ydcx.gateway.benchmarks;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.mapping.Mapping;
import cn.ydcx.gateway.mapping.NormalizeSink;
import cn.ydcx.gateway.mapping.NormalizeSummary;
import cn.ydcx.gateway.mapping.Normalizer;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.merkle.MerkleAccumulator;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.CanonicalRecord;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Issue 3: native file → canonical records, per format, next to a parse-only baseline over the
 * same bytes. One invocation processes one in-memory file of {@link #ROWS} rows, so with
 * {@code @OperationsPerInvocation(ROWS)} the primary score is rows/s; the secondary counter
 * {@code inputMB} is MB (10^6 bytes) of native input per second.
 *
 * <ul>
 *   <li>{@code parseOnly}: baseline, the stock parser alone ({@link ParseOnly}).</li>
 *   <li>{@code normalize}: read + map + clean up + validate (records and rejects), no JSON.</li>
 *   <li>{@code pipeline}: normalize + canonical JSON (JCS) + RFC 6962 leaf hash of every
 *       accepted record, and the Merkle root of them all. The canonical bytes are written
 *       straight from the typed record ({@link CanonicalRecord#canonicalBytes()}, byte-identical
 *       to JCS of its JSON tree; what ingest spools); the leaves go through the gateway's
 *       {@code MerkleAccumulator}, which hashes SM3 leaves 256 at a time in vector lanes
 *       ({@code Sm3Lanes}; the fork adds {@code --add-modules jdk.incubator.vector}).
 *       The issue 3 target is pipeline ≥ 40% of parseOnly for every format, and ≥ 50,000 rows/s
 *       for ZJ/penalty.</li>
 *   <li>{@code pipelineJsonTree}: the same with JCS over the Jackson tree ({@code toJson()}), the
 *       path of a signer that is handed JsonNodes; kept to show what the typed path saves.</li>
 * </ul>
 *
 * A new format is one more {@code input} value ({@code NODE/dataset}, e.g. {@code -p
 * input=AH/penalty}): the mapping says how to read it and where its sample is.
 */
// fixed heap: GC sizing must not differ between the measured method and its baseline
// the vector module: SM3 leaf hashes in vector lanes, as a node started with it does (Sm3Lanes)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormalizeBenchmark {

    /** Rows per generated file: large enough that per-file overhead (header, mapping lookup) is noise. */
    public static final int ROWS = 10_000;

    @State(Scope.Benchmark)
    public static class Input {
        /** NODE/dataset; each needs mappings/NODE/dataset.yaml, a reader for its format and a sample. */
        @Param({"ZJ/penalty", "AH/penalty", "SH/penalty", "JS/penalty"})
        public String input;

        /** Whose hash the leaves get; the regional default is SM2-SM3 (SM3). */
        @Param({"SM2-SM3"})
        public String suite;

        Mapping mapping;
        Normalizer normalizer;
        ParseOnly parser;
        Suite hashSuite;
        byte[] file;
        double megabytes;

        @Setup(Level.Trial)
        public void setUp() {
            mapping = Fixtures.mapping(input);
            normalizer = new Normalizer(Fixtures.mappings());
            parser = new ParseOnly(mapping);
            hashSuite = Suite.of(suite);
            file = NativeScaler.scale(mapping, Fixtures.sample(mapping), ROWS);
            megabytes = file.length / 1e6;
            // Fail here, not in a measurement, if the scaled file is not what we think it is.
            NormalizeSummary s = normalizer.normalize(mapping.node(), mapping.dataset(),
                    new ByteArrayInputStream(file), new NormalizeSink() {
                        @Override
                        public void record(CanonicalRecord r) {
                        }

                        @Override
                        public void reject(Reject r) {
                        }
                    });
            long parsed = parser.parse(file, Fixtures.setupBlackhole());
            if (s.rows() != ROWS || parsed != ROWS) {
                throw new IllegalStateException(input + ": scaled file has " + s.rows() + " rows for the gateway and "
                        + parsed + " for the baseline parser, expected " + ROWS);
            }
            System.out.printf("%n[setup] %s: %d rows, %.2f MB, %d accepted / %d rejected, leaf hash %s%n", input,
                    ROWS, megabytes, s.accepted(), s.rejected(), hashSuite);
        }
    }

    /** Bytes of input processed, reported as a rate next to rows/s (JMH divides by time). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public double inputMB;

        @Setup(Level.Iteration)
        public void reset() {
            inputMB = 0; // JMH does not reset aux counters by itself
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long parseOnly(Input in, Throughput t, Blackhole bh) {
        t.inputMB += in.megabytes;
        return in.parser.parse(in.file, bh);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public NormalizeSummary normalize(Input in, Throughput t, Blackhole bh) {
        t.inputMB += in.megabytes;
        return in.normalizer.normalize(in.mapping.node(), in.mapping.dataset(), new ByteArrayInputStream(in.file),
                new NormalizeSink() {
                    @Override
                    public void record(CanonicalRecord r) {
                        bh.consume(r);
                    }

                    @Override
                    public void reject(Reject r) {
                        bh.consume(r);
                    }
                });
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public NormalizeSummary pipeline(Input in, Throughput t, Blackhole bh) {
        t.inputMB += in.megabytes;
        MerkleAccumulator tree = new MerkleAccumulator(in.hashSuite);
        NormalizeSummary summary = in.normalizer.normalize(in.mapping.node(), in.mapping.dataset(),
                new ByteArrayInputStream(in.file), new NormalizeSink() {
                    @Override
                    public void record(CanonicalRecord r) {
                        tree.addCanonicalLeaf(r); // typed JCS into the leaf hash, SM3 lanes per 256 leaves
                    }

                    @Override
                    public void reject(Reject r) {
                        bh.consume(r);
                    }
                });
        bh.consume(tree.root()); // the leaves' Merkle root, as a batch of the whole file would get
        return summary;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public NormalizeSummary pipelineJsonTree(Input in, Throughput t, Blackhole bh) {
        t.inputMB += in.megabytes;
        Suite suite = in.hashSuite;
        return in.normalizer.normalize(in.mapping.node(), in.mapping.dataset(), new ByteArrayInputStream(in.file),
                new NormalizeSink() {
                    @Override
                    public void record(CanonicalRecord r) {
                        bh.consume(MerkleTree.leafHash(suite, Jcs.canonicalize(r.toJson())));
                    }

                    @Override
                    public void reject(Reject r) {
                        bh.consume(r);
                    }
                });
    }
}
