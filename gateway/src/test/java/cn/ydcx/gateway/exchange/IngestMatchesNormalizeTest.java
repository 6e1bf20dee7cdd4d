package cn.ydcx.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.cli.GatewayCli;
import cn.ydcx.gateway.client.TlsClient;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.LocalRegion;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3: {@code normalize} and {@code POST /api/v1/ingest/{dataset}} give the same records and
 * the same rejects for the same file — for every province's format and every dataset (ZJ penalty
 * is covered in ExchangeEndToEndTest).
 */
class IngestMatchesNormalizeTest {

    static final Map<NodeCode, String> EXT = Map.of(NodeCode.SH, "jsonl", NodeCode.JS, "xml", NodeCode.ZJ, "csv",
            NodeCode.AH, "txt");

    @TempDir
    static Path data;
    static LocalRegion region;
    static PkiLayout pki;

    @BeforeAll
    static void start() {
        pki = PkiLayout.resolve("certs-sample");
        region = LocalRegion.start(List.of(NodeCode.SH, NodeCode.JS, NodeCode.ZJ, NodeCode.AH), data, "certs-sample",
                true, Map.of("gateway.delivery.poll-ms", "3600000", "gateway.audit.peer-sync-ms", "3600000",
                        "logging.level.cn.ydcx.gateway", "WARN"));
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    static Stream<Arguments> files() {
        List<Arguments> out = new ArrayList<>();
        for (NodeCode n : NodeCode.provinces()) {
            for (Dataset d : Dataset.values()) {
                if (!(n == NodeCode.ZJ && d == Dataset.PENALTY)) {
                    out.add(Arguments.of(n, d));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("files")
    void ingestAndNormalizeAgree(NodeCode node, Dataset dataset) throws Exception {
        Path file = Path.of("samples", node.name(), dataset.code() + "." + EXT.get(node));
        Path out = data.resolve(node + "-" + dataset.code() + ".jsonl");
        Path rej = data.resolve(node + "-" + dataset.code() + ".rejects.jsonl");
        assertThat(GatewayCli.run("normalize", "--node", node.name(), "--dataset", dataset.code(), "--in", file.toString(),
                "--out", out.toString(), "--rejects", rej.toString())).isZero();

        TlsClient office = new TlsClient(pki, "office-" + node);
        JsonNode answer = office.post(region.url(node) + "/api/v1/ingest/" + dataset.code(), Files.readAllBytes(file),
                "application/octet-stream").json();
        List<String> ingested = new ArrayList<>();
        for (JsonNode b : answer.path("batches")) {
            JsonNode doc = office.get(region.url(node) + "/api/v1/exchange/batches/" + b.path("batchId").asText()
                    + "/document").json();
            doc.path("records").forEach(r -> ingested.add(Jcs.canonicalString(r)));
        }
        List<String> apiRejects = new ArrayList<>();
        answer.path("rejects").forEach(r -> apiRejects.add(Jcs.canonicalString(r)));

        assertThat(ingested).isNotEmpty().containsExactlyElementsOf(canonicalLines(out));
        assertThat(apiRejects).isNotEmpty().containsExactlyElementsOf(canonicalLines(rej));
    }

    private static List<String> canonicalLines(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(Jcs.canonicalString(Json.mapper().readTree(line)));
            }
        }
        return out;
    }
}
