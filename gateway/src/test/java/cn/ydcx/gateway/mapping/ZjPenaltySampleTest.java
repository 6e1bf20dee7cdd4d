package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped ZJ penalty sample normalises to exactly the expected records and rejects. */
class ZjPenaltySampleTest {
    static final Path SAMPLE = Path.of("samples/ZJ/penalty.csv");
    static final Path EXPECTED = Path.of("gateway/src/test/resources/expected/ZJ");
    static CollectingSink out;
    static NormalizeSummary summary;

    @BeforeAll
    static void normalise() throws IOException {
        Normalizer n = new Normalizer(MappingRegistry.load(MappingSource.directory(Path.of("mappings"))));
        out = new CollectingSink();
        try (InputStream in = Files.newInputStream(SAMPLE)) {
            summary = n.normalize(NodeCode.ZJ, Dataset.PENALTY, in, out);
        }
    }

    @Test
    void recordsAreExactlyTheExpectedOnes() throws IOException {
        List<JsonNode> expected = lines(EXPECTED.resolve("penalty.records.jsonl"));
        List<JsonNode> actual = new ArrayList<>();
        for (CanonicalRecord r : out.records) {
            // through the wire form, as the CLI writes it
            actual.add(Json.mapper().readTree(Json.mapper().writeValueAsString(r)));
        }
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("record %d", i + 1).isEqualTo(expected.get(i));
        }
    }

    @Test
    void rejectsAreExactlyTheExpectedOnes() throws IOException {
        List<JsonNode> expected = lines(EXPECTED.resolve("penalty.rejects.jsonl"));
        List<JsonNode> actual = new ArrayList<>();
        for (Reject r : out.rejects) {
            actual.add(Json.mapper().readTree(Json.mapper().writeValueAsString(r.toJson())));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void summaryAndSampleShape() {
        assertThat(summary).isEqualTo(new NormalizeSummary(241, 212, 29));
        assertThat(summary.rows()).isGreaterThanOrEqualTo(230);
        long shared = out.records.stream()
                .filter(r -> ZjPenaltySampleGenerator.SHARED_USCC.equals(r.subject().uscc())).count();
        assertThat(shared).isGreaterThanOrEqualTo(3);
        Map<Object, Long> categories = out.records.stream()
                .collect(Collectors.groupingBy(r -> r.subject().category(), Collectors.counting()));
        assertThat(categories).hasSize(3);
        // every reason kind of SPEC §2 occurs in the sample
        String reasons = out.rejects.stream().flatMap(r -> r.reasons().stream()).collect(Collectors.joining(" "));
        assertThat(reasons).contains("MISSING_REQUIRED:", "INVALID_USCC:", "INVALID_ID_NUMBER:", "BAD_DATE:",
                "BAD_AMOUNT:", "UNKNOWN_CODE:", "DUPLICATE_KEY", "MALFORMED_ROW");
    }

    @Test
    void committedSampleAndExpectationsMatchTheGenerator(@TempDir Path dir) throws IOException {
        new ZjPenaltySampleGenerator().generate().write(dir);
        assertThat(Files.readString(dir.resolve("samples/ZJ/penalty.csv"), StandardCharsets.UTF_8))
                .as("samples/ZJ/penalty.csv is stale: rerun ZjPenaltySampleGenerator")
                .isEqualTo(Files.readString(SAMPLE, StandardCharsets.UTF_8));
        for (String f : List.of("penalty.records.jsonl", "penalty.rejects.jsonl")) {
            assertThat(Files.readString(dir.resolve("gateway/src/test/resources/expected/ZJ").resolve(f)))
                    .as(f + " is stale").isEqualTo(Files.readString(EXPECTED.resolve(f)));
        }
    }

    @Test
    void sampleIsUtf8WithBomAndChineseHeader() throws IOException {
        byte[] head = new byte[3];
        try (InputStream in = Files.newInputStream(SAMPLE)) {
            assertThat(in.read(head)).isEqualTo(3);
        }
        assertThat(head).containsExactly(0xEF, 0xBB, 0xBF);
    }

    private static List<JsonNode> lines(Path p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }
}
