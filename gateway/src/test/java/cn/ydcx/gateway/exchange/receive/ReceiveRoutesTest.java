package cn.ydcx.gateway.exchange.receive;

import static cn.ydcx.gateway.batch.BatchFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.GatewayApplication;
import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.batch.BatchWire;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.NodeLauncher;
import cn.ydcx.gateway.pki.PkiGenerator;
import cn.ydcx.gateway.store.AuditStore;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.BatchState;
import cn.ydcx.gateway.store.ProgressStore;
import cn.ydcx.gateway.store.RecordVersionStore;
import cn.ydcx.gateway.exchange.ExchangeStatus;
import org.apache.camel.ProducerTemplate;
import cn.ydcx.gateway.store.RefusedBatchStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The receive routes of one node (routes/exchange.yaml), fed as the HTTP controller feeds them.
 * Every way a batch can be wrong is refused with its own reason in a signed receipt, nothing from
 * it is stored, and the refusal is logged in the refused-batch log and the audit log; valid
 * batches are applied strictly in seq order, later ones held back until the gap is filled.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReceiveRoutesTest {

    static final int LIMIT = 50;
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final AtomicLong SEQ = new AtomicLong(100);

    @TempDir
    static Path data;
    static PkiLayout foreign;

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        Map<String, Object> props = NodeLauncher.defaults(NodeCode.JS, 0, data, "certs-sample",
                NodeLauncher.loopbackPeers(NodeCode.JS, Map.of()));
        props.forEach((k, v) -> registry.add(k, () -> v));
        registry.add("gateway.max-batch-records", () -> String.valueOf(LIMIT));
        registry.add("gateway.delivery.poll-ms", () -> "3600000");
    }

    @BeforeAll
    static void foreignPki() throws Exception {
        new PkiGenerator().generate(data.resolve("foreign-pki"), Suite.SM2_SM3, NOW.minus(Duration.ofDays(1)),
                Duration.ofDays(30));
        foreign = PkiLayout.at(data.resolve("foreign-pki"));
    }

    @Autowired
    ProducerTemplate camel;
    @Autowired
    RecordVersionStore versions;
    @Autowired
    ProgressStore progress;
    @Autowired
    ExchangeStatus status;
    @Autowired
    RefusedBatchStore refused;
    @Autowired
    AuditStore audit;
    @Autowired
    BatchStore batches;

    static ObjectNode signed(String signer, String batchId, long seq, List<ObjectNode> recs) {
        return signed(PkiLayout.resolve("certs-sample"), signer, batchId, seq, recs);
    }

    static ObjectNode signed(PkiLayout pki, String signer, String batchId, long seq, List<ObjectNode> recs) {
        return new BatchSigner(pki.credentials(Suite.SM2_SM3, signer))
                .sign(batchId, NodeCode.ZJ, Dataset.PENALTY, seq, NOW, recs);
    }

    /** What {@code POST /api/v1/exchange/batches} does with a body from peer ZJ. */
    ReceiveOutcome receive(byte[] body) {
        return receive(body, "ZJ");
    }

    ReceiveOutcome receive(byte[] body, String peer) {
        return camel.requestBodyAndHeader("direct:receive-batch", body, "peer", peer, ReceiveOutcome.class);
    }

    @Autowired
    javax.sql.DataSource dataSource;

    long jdbcCount() {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("SELECT COUNT(*) FROM record_version", Long.class);
    }

    static ObjectNode good(String batchId) {
        return signed("ZJ", batchId, SEQ.incrementAndGet(), records(NodeCode.ZJ, Dataset.PENALTY, 5));
    }

    /** As this gateway's senders write a batch: records in JCS form, verified from their bytes. */
    static byte[] bytes(JsonNode n) {
        return BatchWire.toBytes(n);
    }

    @Test
    void batchesFromOtherWritersAreAcceptedToo() throws Exception {
        // Jackson's member order and pretty-printing: no record in JCS form, so the tree path
        Map<String, byte[]> bodies = Map.of(
                "other-writer-1", Json.mapper().writeValueAsBytes(good("other-writer-1")),
                "other-writer-2", Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(good("other-writer-2")));
        for (Map.Entry<String, byte[]> e : bodies.entrySet()) {
            ReceiveOutcome outcome = receive(e.getValue());
            assertThat(outcome.receipt().path("receipt").path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(batches.find(e.getKey())).isPresent();
        }
    }

    static Stream<Arguments> wrongBatches() {
        return Stream.of(
                Arguments.of("bad signature", "BAD_SIGNATURE", (Supplier<byte[]>) () -> {
                    ObjectNode b = good("bad-sig");
                    byte[] sig = java.util.Base64.getDecoder().decode(b.path("signature").path("value").asText());
                    sig[sig.length - 1] ^= 0x01; // last byte of s
                    ((ObjectNode) b.get("signature")).put("value", java.util.Base64.getEncoder().encodeToString(sig));
                    return bytes(b);
                }),
                Arguments.of("header changed", "BAD_SIGNATURE", (Supplier<byte[]>) () -> {
                    ObjectNode b = good("header-changed");
                    ((ObjectNode) b.get("header")).put("createdAt", NOW.minusSeconds(60).toString());
                    return bytes(b);
                }),
                Arguments.of("record changed", "MERKLE_ROOT_MISMATCH", (Supplier<byte[]>) () -> {
                    ObjectNode b = good("record-changed");
                    ((ObjectNode) b.path("records").path(2).path("subject")).put("name", "某某公司");
                    return bytes(b);
                }),
                Arguments.of("record added", "COUNT_MISMATCH", (Supplier<byte[]>) () -> {
                    ObjectNode b = good("record-added");
                    ((ArrayNode) b.get("records")).add(records(NodeCode.ZJ, Dataset.PENALTY, 6).get(5));
                    return bytes(b);
                }),
                Arguments.of("record removed", "COUNT_MISMATCH", (Supplier<byte[]>) () -> {
                    ObjectNode b = good("record-removed");
                    ((ArrayNode) b.get("records")).remove(4);
                    return bytes(b);
                }),
                Arguments.of("records reordered", "MERKLE_ROOT_MISMATCH", (Supplier<byte[]>) () -> {
                    ObjectNode b = good("reordered");
                    ArrayNode r = (ArrayNode) b.get("records");
                    JsonNode first = r.remove(0);
                    r.add(first);
                    return bytes(b);
                }),
                Arguments.of("signer not chained to the root", "UNTRUSTED_CHAIN", (Supplier<byte[]>) () ->
                        bytes(signed(foreign, "ZJ", "foreign", SEQ.incrementAndGet(),
                                records(NodeCode.ZJ, Dataset.PENALTY, 3)))),
                Arguments.of("signer CN is not the source", "SIGNER_NOT_SOURCE", (Supplier<byte[]>) () ->
                        bytes(signed("AH", "wrong-cn", SEQ.incrementAndGet(), records(NodeCode.ZJ, Dataset.PENALTY, 3)))),
                Arguments.of("unknown suite", "UNKNOWN_SUITE", (Supplier<byte[]>) () -> {
                    ObjectNode b = good("suite");
                    ((ObjectNode) b.get("header")).put("suite", "RSA-MD5");
                    return bytes(b);
                }),
                Arguments.of("larger than the limit", "TOO_LARGE", (Supplier<byte[]>) () ->
                        bytes(signed("ZJ", "too-large", SEQ.incrementAndGet(),
                                records(NodeCode.ZJ, Dataset.PENALTY, LIMIT + 1)))),
                Arguments.of("malformed JSON", "MALFORMED", (Supplier<byte[]>) () ->
                        "{\"header\":{\"batchId\":\"x\"},\"records\":[".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("not a batch", "MALFORMED", (Supplier<byte[]>) () ->
                        "[1,2,3]".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("wrongBatches")
    void wrongBatchIsRefusedWithItsReasonAndNothingStored(String what, String problem, Supplier<byte[]> body)
            throws Exception {
        assertRefused(body.get(), problem);
    }

    @Test
    void sameBatchIdWithOtherContentIsRefusedButAnIdenticalResendIsAcknowledged() throws Exception {
        ObjectNode original = good("replayed-id");
        ReceiveOutcome first = receive(bytes(original));
        assertThat(first.receipt().path("receipt").path("status").asText()).isEqualTo("ACCEPTED");

        // the very same batch again (lost receipt): idempotent, the original receipt time
        ReceiveOutcome again = receive(bytes(original));
        assertThat(again.httpStatus()).isEqualTo(200);
        assertThat(again.receipt().path("receipt").path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(again.receipt().path("receipt").path("receivedAt").asText())
                .isEqualTo(first.receipt().path("receipt").path("receivedAt").asText());

        // a validly signed batch that reuses the id with other records: replay or forgery
        ObjectNode forged = signed("ZJ", "replayed-id", SEQ.incrementAndGet(), records(NodeCode.ZJ, Dataset.PENALTY, 2));
        assertRefused(bytes(forged), "DUPLICATE_BATCH_ID");
    }

    @Test
    void seqAlreadyAppliedFromAnotherBatchIsRefused() throws Exception {
        long seq = SEQ.incrementAndGet();
        receive(bytes(signed("ZJ", "seq-first", seq, records(NodeCode.ZJ, Dataset.PENALTY, 2))));
        assertRefused(bytes(signed("ZJ", "seq-second", seq, records(NodeCode.ZJ, Dataset.PENALTY, 3))),
                "SEQ_ALREADY_APPLIED");
    }

    @Test
    void batchesAreAppliedInSeqOrderAndALaterOneWaitsForTheGap() throws Exception {
        List<ObjectNode> first = records(NodeCode.SH, Dataset.LICENSE, 3);
        ObjectNode seq2 = new BatchSigner(PkiLayout.resolve("certs-sample").credentials(Suite.SM2_SM3, "SH"))
                .sign("SH-license-2", NodeCode.SH, Dataset.LICENSE, 2, NOW, records(NodeCode.SH, Dataset.LICENSE, 5));
        ObjectNode seq1 = new BatchSigner(PkiLayout.resolve("certs-sample").credentials(Suite.SM2_SM3, "SH"))
                .sign("SH-license-1", NodeCode.SH, Dataset.LICENSE, 1, NOW, first);

        ReceiveOutcome held = receive(bytes(seq2), "SH");
        assertThat(held.httpStatus()).isEqualTo(200);
        assertThat(held.receipt().path("receipt").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(held.receipt().path("receipt").path("heldBack").asBoolean()).isTrue();
        assertThat(batches.find("SH-license-2").orElseThrow().state()).isEqualTo(BatchState.HELD);
        assertThat(progress.find("SH", "license")).map(p -> p.lastSeq()).contains(0L);
        assertThat(heldBack("SH", "license")).containsExactly(2L);
        String id = seq2.path("records").path(4).path("recordId").asText();
        assertThat(versions.history(id)).singleElement().satisfies(v -> assertThat(v.current()).isFalse());

        // the same held batch again is a duplicate, still held
        assertThat(receive(bytes(seq2), "SH").receipt().path("receipt").path("status").asText()).isEqualTo("DUPLICATE");

        ReceiveOutcome gap = receive(bytes(seq1), "SH");
        assertThat(gap.receipt().path("receipt").has("heldBack")).isFalse();
        assertThat(progress.find("SH", "license").orElseThrow().lastSeq()).isEqualTo(2);
        assertThat(progress.find("SH", "license").orElseThrow().activeRecords()).isEqualTo(5); // 3 of 5 were updates
        assertThat(batches.find("SH-license-2").orElseThrow().state()).isEqualTo(BatchState.APPLIED);
        assertThat(versions.history(id)).singleElement().satisfies(v -> assertThat(v.current()).isTrue());
        assertThat(heldBack("SH", "license")).isEmpty();
        // the records of seq 1 that seq 2 changed have two versions, the newer one current
        String changed = first.get(0).path("recordId").asText();
        assertThat(versions.history(changed)).extracting(v -> v.seq() + ":" + v.current())
                .containsExactly("1:false", "2:true");
    }

    @SuppressWarnings("unchecked")
    private List<Long> heldBack(String source, String dataset) {
        Map<String, Object> sources = (Map<String, Object>) status.status().get("sources");
        Map<String, Object> perDataset = (Map<String, Object>) ((Map<String, Object>) sources.get(source)).get(dataset);
        return (List<Long>) perDataset.get("heldBack");
    }

    @Test
    void aBatchCarryingOneRecordTwiceIsRefused() throws Exception {
        List<ObjectNode> recs = new java.util.ArrayList<>(records(NodeCode.ZJ, Dataset.PENALTY, 3));
        recs.add(recs.get(0));
        assertRefused(bytes(signed("ZJ", "twice", SEQ.incrementAndGet(), recs)), "DUPLICATE_RECORD");
    }

    @Test
    void aNodesOwnBatchSentBackToItIsRefused() throws Exception {
        ObjectNode own = new BatchSigner(PkiLayout.resolve("certs-sample").credentials(Suite.SM2_SM3, "JS"))
                .sign("JS-penalty-1", NodeCode.JS, Dataset.PENALTY, 1, NOW, records(NodeCode.JS, Dataset.PENALTY, 2));
        assertRefused(bytes(own), "OWN_BATCH");
    }

    private void assertRefused(byte[] body, String problem) throws Exception {
        long recordsBefore = jdbcCount();
        long refusedBefore = refused.count();
        long auditBefore = audit.size();

        ReceiveOutcome outcome = receive(body);

        JsonNode receipt = outcome.receipt().path("receipt");
        assertThat(outcome.httpStatus()).isBetween(400, 499);
        assertThat(receipt.path("status").asText()).isEqualTo("REFUSED");
        assertThat(receipt.path("receiver").asText()).isEqualTo("JS");
        assertThat(receipt.path("problems").path(0).path("code").asText()).isEqualTo(problem);
        assertThat(receipt.path("problems").path(0).path("detail").asText()).isNotBlank();
        assertThat(outcome.receipt().path("signature").path("value").asText()).isNotBlank();
        assertThat(jdbcCount()).isEqualTo(recordsBefore);
        assertThat(refused.count()).isEqualTo(refusedBefore + 1);
        assertThat(refused.list(1).get(0).problem()).isEqualTo(problem);
        assertThat(refused.find(refused.list(1).get(0).id()).orElseThrow().body()).isEqualTo(body);
        assertThat(audit.size()).isEqualTo(auditBefore + 1);
        assertThat(audit.entry(auditBefore).orElseThrow()).contains("BATCH_REFUSED").contains(problem);
    }
}
