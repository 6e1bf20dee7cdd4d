package cn.ydcx.gateway.samples;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.mapping.MappingRegistry;
import cn.ydcx.gateway.mapping.MappingSource;
import cn.ydcx.gateway.mapping.NormalizeSink;
import cn.ydcx.gateway.mapping.NormalizeSummary;
import cn.ydcx.gateway.mapping.Normalizer;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Normalises a committed sample and compares the result with the committed expected files. */
final class GoldenCheck {
    static final Path EXPECTED = Path.of("gateway/src/test/resources/expected");
    private static Normalizer normalizer;

    private GoldenCheck() {
    }

    static synchronized Normalizer normalizer() {
        if (normalizer == null) {
            normalizer = new Normalizer(MappingRegistry.load(MappingSource.directory(Path.of("mappings"))));
        }
        return normalizer;
    }

    static void check(String node, String dataset, String extension) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        List<JsonNode> rejects = new ArrayList<>();
        NormalizeSink sink = new NormalizeSink() {
            @Override
            public void record(CanonicalRecord r) {
                records.add(tree(r)); // through the wire form, as the CLI writes it
            }

            @Override
            public void reject(Reject r) {
                rejects.add(tree(r.toJson()));
            }
        };
        NormalizeSummary summary;
        try (InputStream in = Files.newInputStream(Path.of("samples", node, dataset + "." + extension))) {
            summary = normalizer().normalize(NodeCode.valueOf(node), Dataset.valueOf(dataset.toUpperCase()), in, sink);
        }
        List<JsonNode> expectedRecords = lines(EXPECTED.resolve(node).resolve(dataset + ".records.jsonl"));
        List<JsonNode> expectedRejects = lines(EXPECTED.resolve(node).resolve(dataset + ".rejects.jsonl"));
        String what = node + "/" + dataset;
        for (int i = 0; i < Math.min(records.size(), expectedRecords.size()); i++) {
            assertThat(records.get(i)).as("%s record %d", what, i + 1).isEqualTo(expectedRecords.get(i));
        }
        assertThat(records).as(what + " records").hasSameSizeAs(expectedRecords);
        assertThat(rejects).as(what + " rejects").containsExactlyElementsOf(expectedRejects);
        assertThat(summary).isEqualTo(new NormalizeSummary(expectedRecords.size() + expectedRejects.size(),
                expectedRecords.size(), expectedRejects.size()));
    }

    private static JsonNode tree(Object o) {
        try {
            return Json.mapper().readTree(Json.mapper().writeValueAsString(o));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> lines(Path p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }
}
