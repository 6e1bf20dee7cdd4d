package cn.ydcx.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.mapping.MappingRegistry;
import cn.ydcx.gateway.mapping.MappingSource;
import cn.ydcx.gateway.mapping.NormalizeSink;
import cn.ydcx.gateway.mapping.Normalizer;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.merkle.MerkleAccumulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every record of the 16 shipped samples: canonical bytes from the typed record equal
 * {@code Jcs.canonicalize(record.toJson())}, and a Merkle tree over typed-record leaves has the
 * root of one over the Jackson trees (what BatchSigner hashes today).
 */
class CanonicalRecordJcsSamplesTest {

    @Test
    void everySampleRecordHasTheTreePathBytesAndMerkleRoot() throws IOException {
        Normalizer normalizer = new Normalizer(MappingRegistry.load(MappingSource.directory(Path.of("mappings"))));
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            samples = files.filter(Files::isDirectory).flatMap(CanonicalRecordJcsSamplesTest::filesOf).sorted().toList();
        }
        assertThat(samples).hasSize(16);
        int total = 0;
        for (Path sample : samples) {
            NodeCode node = NodeCode.of(sample.getParent().getFileName().toString());
            String name = sample.getFileName().toString();
            Dataset dataset = Dataset.of(name.substring(0, name.indexOf('.')));
            List<CanonicalRecord> records = new ArrayList<>();
            try (InputStream in = Files.newInputStream(sample)) {
                normalizer.normalize(node, dataset, in, new NormalizeSink() {
                    @Override
                    public void record(CanonicalRecord r) {
                        records.add(r);
                    }

                    @Override
                    public void reject(Reject r) {
                    }
                });
            }
            assertThat(records).as(sample.toString()).isNotEmpty();
            for (Suite suite : List.of(Suite.of("SM2-SM3"), Suite.of("ES256"))) {
                MerkleAccumulator typed = new MerkleAccumulator(suite);
                MerkleAccumulator tree = new MerkleAccumulator(suite);
                for (CanonicalRecord r : records) {
                    assertThat(r.canonicalBytes()).as(sample + " " + r.sourceKey())
                            .isEqualTo(Jcs.canonicalize(r.toJson()));
                    typed.addCanonicalLeaf(r);
                    tree.addCanonicalLeaf(r.toJson());
                }
                assertThat(typed.root()).as(sample + " " + suite).isEqualTo(tree.root());
            }
            total += records.size();
        }
        assertThat(total).isGreaterThan(100);
    }

    private static Stream<Path> filesOf(Path dir) {
        try {
            return Files.list(dir).filter(p -> !p.getFileName().toString().endsWith(".md")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
