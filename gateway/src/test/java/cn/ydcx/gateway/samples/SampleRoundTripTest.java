package cn.ydcx.gateway.samples;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.mapping.Exporter;
import cn.ydcx.gateway.mapping.MappingRegistry;
import cn.ydcx.gateway.mapping.MappingSource;
import cn.ydcx.gateway.mapping.NormalizeSink;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accepted records of every sample survive export to the node's native format and back
 * (native → canonical → native → canonical gives the same records), hard cases included.
 */
class SampleRoundTripTest {

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "SH, license, jsonl", "SH, penalty, jsonl", "SH, dishonesty, jsonl", "SH, report, jsonl",
        "JS, license, xml", "JS, penalty, xml", "JS, dishonesty, xml", "JS, report, xml",
        "ZJ, license, csv", "ZJ, penalty, csv", "ZJ, dishonesty, csv", "ZJ, report, csv",
        "AH, license, txt", "AH, penalty, txt", "AH, dishonesty, txt", "AH, report, txt",
    })
    void exportedRecordsNormaliseToThemselves(String node, String dataset, String ext) throws IOException {
        MappingRegistry registry = MappingRegistry.load(MappingSource.directory(Path.of("mappings")));
        NodeCode n = NodeCode.valueOf(node);
        Dataset d = Dataset.valueOf(dataset.toUpperCase());
        List<CanonicalRecord> first;
        try (InputStream in = Files.newInputStream(Path.of("samples", node, dataset + "." + ext))) {
            first = normalise(registry, n, d, in, false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(registry).export(n, d, first.iterator(), out);
        List<CanonicalRecord> second = normalise(registry, n, d, new ByteArrayInputStream(out.toByteArray()), true);
        assertThat(second).containsExactlyElementsOf(first);
    }

    private static List<CanonicalRecord> normalise(MappingRegistry registry, NodeCode n, Dataset d, InputStream in,
                                                   boolean noRejects) {
        List<CanonicalRecord> records = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        new cn.ydcx.gateway.mapping.Normalizer(registry).normalize(n, d, in, new NormalizeSink() {
            @Override
            public void record(CanonicalRecord r) {
                records.add(r);
            }

            @Override
            public void reject(Reject r) {
                rejects.add(r);
            }
        });
        if (noRejects) {
            assertThat(rejects).as("rejects after export").isEmpty();
        }
        return records;
    }
}
