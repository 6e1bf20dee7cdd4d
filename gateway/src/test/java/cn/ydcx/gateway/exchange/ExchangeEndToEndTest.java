package cn.ydcx.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.client.TlsClient;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.LocalRegion;
import cn.ydcx.gateway.store.AuditStore;
import cn.ydcx.gateway.store.ProgressStore;
import cn.ydcx.gateway.store.RefusedBatchStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nodes over real mutual TLS on loopback: ZJ ingests its sample file, JS and REGION
 * receive and verify it; then every kind of bad batch is sent to JS and must be refused with
 * its reason, logged, and leave JS's records untouched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeEndToEndTest {

    @TempDir
    static Path dataRoot;

    static LocalRegion region;
    static PkiLayout pki;
    static TlsClient zjOffice;
    static TlsClient zjNode;
    static String batchId;
    static String batchDocument;
    static long accepted;
    static JsonNode ingestAnswer;

    @BeforeAll
    static void startRegion() {
        pki = PkiLayout.resolve("certs-sample");
        // SH is configured as a peer but never started: its deliveries are retried, never given up.
        region = LocalRegion.start(List.of(NodeCode.ZJ, NodeCode.JS, NodeCode.REGION), dataRoot, "certs-sample",
                true, Map.of("gateway.delivery.retry-interval", "100ms", "gateway.delivery.max-interval", "200ms",
                        "gateway.delivery.poll-ms", "100",
                        "gateway.peers.SH", "https://127.0.0.1:" + closedPort()));
        zjOffice = new TlsClient(pki, "office-ZJ");
        zjNode = new TlsClient(pki, "ZJ");
    }

    @AfterAll
    static void stopRegion() {
        if (region != null) {
            region.close();
        }
    }

    @Test
    @Order(1)
    void ingestAtZjReachesJsAndRegionVerified() throws Exception {
        TlsClient.Response resp = zjOffice.post(region.url(NodeCode.ZJ) + "/api/v1/ingest/penalty",
                Files.readAllBytes(Path.of("samples/ZJ/penalty.csv")), "text/csv");
        assertThat(resp.status()).as(resp.body()).isEqualTo(200);
        JsonNode result = resp.json();
        ingestAnswer = result;
        accepted = result.path("accepted").asLong();
        assertThat(accepted).isGreaterThanOrEqualTo(150);
        assertThat(result.path("rejected").asLong()).isPositive();
        assertThat(result.path("rejects").size()).isEqualTo(result.path("rejected").asInt());
        assertThat(result.path("rejects").path(0).path("reasons").size()).isPositive();
        assertThat(result.path("batches")).hasSize(1);
        batchId = result.path("batches").path(0).path("batchId").asText();

        JsonNode deliveries = awaitSettled(batchId);
        assertThat(deliveries).hasSize(3);
        for (JsonNode d : deliveries) {
            if (d.path("peer").asText().equals("SH")) {
                assertThat(d.path("state").asText()).isEqualTo("RETRYING");
                assertThat(d.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
                assertThat(d.path("lastError").asText()).startsWith("cannot connect");
                assertThat(d.path("retryingSince").asText()).isNotBlank();
                assertThat(d.path("nextAttemptAt").asText()).isNotBlank();
                continue;
            }
            assertThat(d.path("state").asText()).as(d.toString()).isEqualTo("DELIVERED");
            // the sender kept the peer's signed receipt as proof of receipt
            JsonNode receipt = Json.mapper().readTree(d.path("receiptJson").asText()).path("receipt");
            assertThat(receipt.path("batchId").asText()).isEqualTo(batchId);
            assertThat(receipt.path("receiver").asText()).isEqualTo(d.path("peer").asText());
            assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
        }
        for (NodeCode n : List.of(NodeCode.JS, NodeCode.REGION)) {
            assertThat(active(n, "ZJ", "penalty")).isEqualTo(accepted);
        }
        batchDocument = zjOffice.get(region.url(NodeCode.ZJ) + "/api/v1/exchange/batches/" + batchId + "/document").body();
    }

    @Test
    @Order(2)
    void ingestAndTheNormalizeCommandGiveTheSameRecordsAndRejects() throws Exception {
        Path out = dataRoot.resolve("cli.jsonl");
        Path rej = dataRoot.resolve("cli.rejects.jsonl");
        int exit = cn.ydcx.gateway.cli.GatewayCli.run("normalize", "--node", "ZJ", "--dataset", "penalty",
                "--in", "samples/ZJ/penalty.csv", "--out", out.toString(), "--rejects", rej.toString());
        assertThat(exit).isZero();
        List<String> cliRecords = Files.readAllLines(out).stream().filter(l -> !l.isBlank())
                .map(l -> canonical(l)).toList();
        List<String> cliRejects = Files.readAllLines(rej).stream().filter(l -> !l.isBlank())
                .map(l -> canonical(l)).toList();

        JsonNode batch = Json.mapper().readTree(batchDocument);
        List<String> ingested = new ArrayList<>();
        batch.get("records").forEach(r -> ingested.add(cn.ydcx.gateway.jcs.Jcs.canonicalString(r)));
        List<String> apiRejects = new ArrayList<>();
        ingestAnswer.get("rejects").forEach(r -> apiRejects.add(cn.ydcx.gateway.jcs.Jcs.canonicalString(r)));

        assertThat(ingested).containsExactlyElementsOf(cliRecords);
        assertThat(apiRejects).containsExactlyElementsOf(cliRejects);
    }

    private static String canonical(String json) {
        try {
            return cn.ydcx.gateway.jcs.Jcs.canonicalString(Json.mapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(3)
    void queryAtJsShowsZjRecordsWithProvenance() throws Exception {
        TlsClient jsOffice = new TlsClient(pki, "office-JS");
        JsonNode answer = jsOffice.get(region.url(NodeCode.JS) + "/api/v1/records?uscc=913304007429141869").json();
        assertThat(answer.path("count").asInt()).isGreaterThanOrEqualTo(2);
        for (JsonNode item : answer.path("records")) {
            assertThat(item.path("record").path("subject").path("uscc").asText()).isEqualTo("913304007429141869");
            assertThat(item.path("provenance").path("source").asText()).isEqualTo("ZJ");
            assertThat(item.path("provenance").path("batchId").asText()).isEqualTo(batchId);
            assertThat(item.path("provenance").path("seq").asLong()).isEqualTo(1);
            assertThat(Instant.parse(item.path("provenance").path("receivedAt").asText())).isBefore(Instant.now());
        }
    }

    @Test
    @Order(4)
    void jsOfficeGetsZjRecordsInItsOwnGbkXmlFormat() throws Exception {
        TlsClient jsOffice = new TlsClient(pki, "office-JS");
        String base = region.url(NodeCode.JS) + "/api/v1/records?uscc=913304007429141869";
        JsonNode canonical = jsOffice.get(base).json();
        java.net.http.HttpResponse<byte[]> resp = java.net.http.HttpClient.newBuilder()
                .sslContext(sslFor("office-JS")).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "&format=native&dataset=penalty"))
                        .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.headers().firstValue("Content-Type").orElse("")).contains("xml").contains("GBK");
        String xml = new String(resp.body(), java.nio.charset.Charset.forName("GBK"));
        assertThat(xml).startsWith("<?xml").contains("<XZCF>").contains("嘉兴禾润新材料科技有限公司");

        // read back with JS's own mapping: the same subjects and data as the canonical answer
        List<JsonNode> reread = new ArrayList<>();
        new cn.ydcx.gateway.mapping.Normalizer(cn.ydcx.gateway.mapping.MappingRegistry.load(
                cn.ydcx.gateway.mapping.MappingSource.directory(Path.of("mappings"))))
                .normalize(NodeCode.JS, Dataset.PENALTY, new java.io.ByteArrayInputStream(resp.body()),
                        new cn.ydcx.gateway.mapping.NormalizeSink() {
                            @Override
                            public void record(cn.ydcx.gateway.model.CanonicalRecord r) {
                                reread.add(r.toJson());
                            }

                            @Override
                            public void reject(cn.ydcx.gateway.mapping.Reject r) {
                                throw new AssertionError("native answer row rejected: " + r);
                            }
                        });
        List<String> expected = new ArrayList<>();
        canonical.path("records").forEach(i -> expected.add(cn.ydcx.gateway.jcs.Jcs.canonicalString(i.path("record").path("subject"))
                + cn.ydcx.gateway.jcs.Jcs.canonicalString(i.path("record").path("data"))));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        assertThat(reread).extracting(r -> cn.ydcx.gateway.jcs.Jcs.canonicalString(r.path("subject"))
                        + cn.ydcx.gateway.jcs.Jcs.canonicalString(r.path("data")))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static javax.net.ssl.SSLContext sslFor(String identity) {
        var key = org.springframework.boot.ssl.pem.PemSslStoreDetails.forCertificate(
                pki.certificateLocation(Suite.ES256, identity)).withPrivateKey(pki.privateKeyLocation(Suite.ES256, identity));
        var trust = org.springframework.boot.ssl.pem.PemSslStoreDetails.forCertificate(pki.rootLocation(Suite.ES256));
        return org.springframework.boot.ssl.SslBundle.of(new org.springframework.boot.ssl.pem.PemSslStoreBundle(key, trust))
                .createSslContext();
    }

    @Test
    @Order(5)
    void tamperedRecordIsRefusedAndNothingStored() throws Exception {
        ObjectNode batch = (ObjectNode) Json.mapper().readTree(batchDocument);
        ((ObjectNode) batch.path("records").path(3).path("data")).put("content", "罚款人民币1元");
        assertRefused(batch, "MERKLE_ROOT_MISMATCH");
    }

    @Test
    @Order(6)
    void changedHeaderIsRefused() throws Exception {
        ObjectNode batch = (ObjectNode) Json.mapper().readTree(batchDocument);
        ((ObjectNode) batch.get("header")).put("createdAt", "2026-01-01T00:00:00Z");
        assertRefused(batch, "BAD_SIGNATURE");
    }

    @Test
    @Order(7)
    void removedRecordIsRefused() throws Exception {
        ObjectNode batch = (ObjectNode) Json.mapper().readTree(batchDocument);
        ((ArrayNode) batch.get("records")).remove(0);
        assertRefused(batch, "COUNT_MISMATCH");
    }

    @Test
    @Order(8)
    void batchSignedByAnotherNodeIsRefused() throws Exception {
        ObjectNode original = (ObjectNode) Json.mapper().readTree(batchDocument);
        List<JsonNode> records = new ArrayList<>();
        original.get("records").forEach(records::add);
        // SH's genuine key, but the batch claims to come from ZJ.
        ObjectNode forged = new BatchSigner(pki.credentials(Suite.SM2_SM3, "SH"))
                .sign("forged-1", NodeCode.ZJ, Dataset.PENALTY, 99, Instant.now(), records);
        assertRefused(forged, "SIGNER_NOT_SOURCE");
    }

    @Test
    @Order(9)
    void malformedJsonIsRefused() throws Exception {
        TlsClient.Response resp = zjNode.post(region.url(NodeCode.JS) + "/api/v1/exchange/batches",
                "{\"header\": {".getBytes(), "application/json");
        assertThat(resp.status()).isEqualTo(422);
        assertThat(resp.json().path("receipt").path("problems").path(0).path("code").asText()).isEqualTo("MALFORMED");
    }

    @Test
    @Order(10)
    void sameBatchAgainIsAcknowledgedIdempotently() throws Exception {
        long before = active(NodeCode.JS, "ZJ", "penalty");
        TlsClient.Response resp = zjNode.post(region.url(NodeCode.JS) + "/api/v1/exchange/batches",
                batchDocument.getBytes(), "application/json");
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.json().path("receipt").path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(active(NodeCode.JS, "ZJ", "penalty")).isEqualTo(before);
    }

    @Test
    @Order(11)
    void sameSeqFromAnotherBatchIsRefused() throws Exception {
        ObjectNode original = (ObjectNode) Json.mapper().readTree(batchDocument);
        List<JsonNode> records = new ArrayList<>();
        original.get("records").forEach(records::add);
        ObjectNode again = new BatchSigner(pki.credentials(Suite.SM2_SM3, "ZJ"))
                .sign("replayed-seq-1", NodeCode.ZJ, Dataset.PENALTY, 1, Instant.now(), records);
        assertRefused(again, "SEQ_ALREADY_APPLIED");
    }

    private static void assertRefused(JsonNode batch, String problem) throws Exception {
        RefusedBatchStore refused = region.bean(NodeCode.JS, RefusedBatchStore.class);
        AuditStore audit = region.bean(NodeCode.JS, AuditStore.class);
        long recordsBefore = versions(NodeCode.JS);
        long refusedBefore = refused.count();
        long auditBefore = audit.size();

        TlsClient.Response resp = zjNode.post(region.url(NodeCode.JS) + "/api/v1/exchange/batches",
                Json.mapper().writeValueAsBytes(batch), "application/json");

        assertThat(resp.status()).as(resp.body()).isBetween(400, 499);
        JsonNode receipt = resp.json().path("receipt");
        assertThat(receipt.path("status").asText()).isEqualTo("REFUSED");
        assertThat(receipt.path("problems").path(0).path("code").asText()).isEqualTo(problem);
        assertThat(receipt.path("problems").path(0).path("detail").asText()).isNotBlank();
        assertThat(versions(NodeCode.JS)).isEqualTo(recordsBefore);
        assertThat(refused.count()).isEqualTo(refusedBefore + 1);
        assertThat(refused.list(1).get(0).problem()).isEqualTo(problem);
        assertThat(refused.list(1).get(0).peer()).isEqualTo("ZJ");
        assertThat(audit.size()).isEqualTo(auditBefore + 1);
        assertThat(audit.entry(auditBefore).orElseThrow()).contains("\"type\":\"BATCH_REFUSED\"").contains(problem);
    }

    @Test
    @Order(99)
    void operatorsSeeTheExchangeOnActuatorMetrics() throws Exception {
        TlsClient auditor = new TlsClient(pki, "auditor");
        String m = region.url(NodeCode.JS) + "/actuator/metrics/gateway.batches.received";
        assertThat(auditor.get(m + "?tag=outcome:APPLIED").json().path("measurements").path(0).path("value").asDouble())
                .isGreaterThanOrEqualTo(1);
        assertThat(auditor.get(m + "?tag=outcome:REFUSED_MERKLE_ROOT_MISMATCH").json()
                .path("measurements").path(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
        JsonNode rows = zjOffice.get(region.url(NodeCode.ZJ)
                + "/actuator/metrics/gateway.ingest.rows?tag=outcome:accepted&tag=dataset:penalty").json();
        assertThat(rows.path("measurements").path(0).path("value").asDouble()).isEqualTo((double) accepted);
        JsonNode failed = zjOffice.get(region.url(NodeCode.ZJ) + "/actuator/metrics/gateway.deliveries?tag=state:RETRYING").json();
        assertThat(failed.path("measurements").path(0).path("value").asDouble()).isEqualTo(1.0); // the SH delivery
    }

    private static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long active(NodeCode node, String source, String dataset) {
        return region.bean(node, ProgressStore.class).find(source, dataset).map(p -> p.activeRecords()).orElse(0L);
    }

    /** Every record version a node holds, current or not. */
    private static long versions(NodeCode node) {
        return new org.springframework.jdbc.core.JdbcTemplate(region.bean(node, javax.sql.DataSource.class))
                .queryForObject("SELECT COUNT(*) FROM record_version", Long.class);
    }

    private static JsonNode awaitSettled(String id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode deliveries = null;
        while (System.currentTimeMillis() < deadline) {
            deliveries = zjOffice.get(region.url(NodeCode.ZJ) + "/api/v1/exchange/batches/" + id).json().path("deliveries");
            boolean settled = deliveries.size() > 0;
            for (JsonNode d : deliveries) {
                String state = d.path("state").asText();
                settled &= "SH".equals(d.path("peer").asText())
                        ? "RETRYING".equals(state) && d.path("attempts").asInt() >= 3
                        : "DELIVERED".equals(state) || "REFUSED".equals(state);
            }
            if (settled) {
                return deliveries;
            }
            Thread.sleep(100);
        }
        return deliveries;
    }
}
