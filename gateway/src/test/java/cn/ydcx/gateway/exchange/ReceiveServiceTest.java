package cn.ydcx.gateway.exchange;

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
import cn.ydcx.gateway.store.RecordStore;
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
 * Every way a batch can be wrong, at the receiving node (issue 4): each is refused with its own
 * reason in a signed receipt, nothing from it is stored, and the refusal is logged both in the
 * refused-batch log and in the audit log.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReceiveServiceTest {

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
    ReceiveService receiver;
    @Autowired
    RecordStore recordStore;
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
            ReceiveOutcome outcome = receiver.receive(e.getValue(), "ZJ");
            assertThat(outcome.receipt().path("receipt").path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(batches.find(e.getKey(), "IN")).isPresent();
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
        ReceiveOutcome first = receiver.receive(bytes(original), "ZJ");
        assertThat(first.receipt().path("receipt").path("status").asText()).isEqualTo("ACCEPTED");

        // the very same batch again (lost receipt): idempotent, the original receipt time
        ReceiveOutcome again = receiver.receive(bytes(original), "ZJ");
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
        receiver.receive(bytes(signed("ZJ", "seq-first", seq, records(NodeCode.ZJ, Dataset.PENALTY, 2))), "ZJ");
        assertRefused(bytes(signed("ZJ", "seq-second", seq, records(NodeCode.ZJ, Dataset.PENALTY, 3))),
                "SEQ_ALREADY_APPLIED");
    }

    private void assertRefused(byte[] body, String problem) throws Exception {
        long recordsBefore = recordStore.countActive();
        long refusedBefore = refused.count();
        long auditBefore = audit.size();

        ReceiveOutcome outcome = receiver.receive(body, "ZJ");

        JsonNode receipt = outcome.receipt().path("receipt");
        assertThat(outcome.httpStatus()).isBetween(400, 499);
        assertThat(receipt.path("status").asText()).isEqualTo("REFUSED");
        assertThat(receipt.path("receiver").asText()).isEqualTo("JS");
        assertThat(receipt.path("problems").path(0).path("code").asText()).isEqualTo(problem);
        assertThat(receipt.path("problems").path(0).path("detail").asText()).isNotBlank();
        assertThat(outcome.receipt().path("signature").path("value").asText()).isNotBlank();
        assertThat(recordStore.countActive()).isEqualTo(recordsBefore);
        assertThat(refused.count()).isEqualTo(refusedBefore + 1);
        assertThat(refused.list(1).get(0).problem()).isEqualTo(problem);
        assertThat(refused.find(refused.list(1).get(0).id()).orElseThrow().body()).isEqualTo(body);
        assertThat(audit.size()).isEqualTo(auditBefore + 1);
        assertThat(audit.entry(auditBefore).orElseThrow()).contains("BATCH_REFUSED").contains(problem);
    }
}
