package cn.ydcx.gateway.benchmarks;

import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.mapping.Mapping;
import cn.ydcx.gateway.mapping.MappingRegistry;
import cn.ydcx.gateway.mapping.MappingSource;
import cn.ydcx.gateway.mapping.NormalizeSink;
import cn.ydcx.gateway.mapping.Normalizer;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inputs shared by the benchmarks, all built in {@code @Setup} (never inside a measurement):
 * mappings, the sample PKI and the shipped samples, read from the repository when the
 * benchmarks run from its root (benchmarks/run does), else from the copies inside the jar.
 */
public final class Fixtures {

    /** Which file is the native sample for a mapping format (other files next to it are expectations). */
    private static final Map<String, List<String>> SAMPLE_EXTENSIONS = Map.of(
            "csv", List.of("csv"),
            "delimited", List.of("txt", "csv", "dat", "psv"),
            "jsonl", List.of("jsonl", "json"),
            "xml", List.of("xml"));

    private static MappingRegistry registry;

    private Fixtures() {
    }

    /** Loaded once per JVM: every benchmark fork uses the same checked mappings. */
    public static synchronized MappingRegistry mappings() {
        if (registry == null) {
            registry = MappingRegistry.load(MappingSource.defaultSource());
        }
        return registry;
    }

    /** A Blackhole for sanity runs in {@code @Setup} (JMH hands them out only to benchmarks). */
    public static org.openjdk.jmh.infra.Blackhole setupBlackhole() {
        return new org.openjdk.jmh.infra.Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }

    /** The sample PKI (certs-sample/) for both suites. */
    public static PkiLayout pki() {
        return PkiLayout.resolve(Files.isDirectory(Path.of("certs-sample", "es256")) ? "certs-sample"
                : "classpath:certs-sample");
    }

    /** "ZJ/penalty" → node and dataset. */
    public static Mapping mapping(String input) {
        String[] parts = input.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("input must be NODE/dataset, e.g. ZJ/penalty; got " + input);
        }
        return mappings().get(NodeCode.of(parts[0]), Dataset.of(parts[1]));
    }

    /** The shipped native sample samples/NODE/dataset.ext for a mapping. */
    public static byte[] sample(Mapping m) {
        List<String> exts = SAMPLE_EXTENSIONS.getOrDefault(m.format().key(), List.of());
        for (String ext : exts) {
            String rel = "samples/" + m.node().name() + "/" + m.dataset().code() + "." + ext;
            try {
                Path disk = Path.of(rel);
                if (Files.isRegularFile(disk)) {
                    return Files.readAllBytes(disk);
                }
                try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(rel)) {
                    if (in != null) {
                        return in.readAllBytes();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + rel, e);
            }
        }
        throw new IllegalStateException("no sample samples/" + m.node().name() + "/" + m.dataset().code()
                + ".{" + String.join(",", exts) + "} for " + m.file()
                + " (run from the repository root, or drop this input from -p input=...)");
    }

    /**
     * At least {@code n} distinct canonical records (as the JSON a batch carries) from the
     * ZJ penalty sample, scaled so every copy has its own sourceKey.
     */
    public static List<ObjectNode> zjPenaltyRecords(int n) {
        Mapping m = mapping("ZJ/penalty");
        byte[] sample = sample(m);
        // The sample deliberately rejects about a quarter of its rows; twice n rows is plenty.
        byte[] file = NativeScaler.scale(m, sample, 2 * n);
        List<ObjectNode> records = new ArrayList<>(n);
        new Normalizer(mappings()).normalize(m.node(), m.dataset(), new ByteArrayInputStream(file),
                new NormalizeSink() {
                    @Override
                    public void record(CanonicalRecord r) {
                        if (records.size() < n) {
                            records.add(r.toJson());
                        }
                    }

                    @Override
                    public void reject(Reject r) {
                        // not needed here
                    }
                });
        if (records.size() < n) {
            throw new IllegalStateException("only " + records.size() + " valid records from the ZJ penalty sample scaled to "
                    + 2 * n + " rows, need " + n);
        }
        return records;
    }
}
