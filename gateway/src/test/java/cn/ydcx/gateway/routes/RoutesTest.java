package cn.ydcx.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.GatewayApplication;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.exchange.ReceiptStatus;
import cn.ydcx.gateway.exchange.ingest.IngestResult;
import cn.ydcx.gateway.exchange.ingest.IngestService;
import cn.ydcx.gateway.exchange.receive.ReceiptSigner;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.NodeLauncher;
import cn.ydcx.gateway.store.AuditStore;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.Delivery;
import cn.ydcx.gateway.store.DeliveryState;
import cn.ydcx.gateway.store.OutboxStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Camel routes of one node (ZJ), loaded from routes/*.yaml as in production. Advice puts
 * mocks where the node would talk to others: the https endpoint of the {@code dispatch-JS} route
 * answers what each test needs (503, a refused connection, a signed receipt), and its timer is
 * replaced by a direct endpoint so that a test runs one round of it.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RoutesTest {

    static final PkiLayout PKI = PkiLayout.resolve("certs-sample");

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        Map<String, Object> props = NodeLauncher.defaults(NodeCode.ZJ, 0, data, "certs-sample",
                NodeLauncher.loopbackPeers(NodeCode.ZJ, Map.of()));
        props.forEach((k, v) -> registry.add(k, () -> v));
        registry.add("gateway.batch-size", () -> "50");
        registry.add("gateway.delivery.retry-interval", () -> "1ms");
        registry.add("gateway.delivery.max-interval", () -> "4ms");
        registry.add("gateway.delivery.poll-ms", () -> "3600000");
        registry.add("gateway.catch-up.poll-ms", () -> "3600000");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    BatchStore batches;
    @Autowired
    OutboxStore outbox;
    @Autowired
    AuditStore audit;

    @EndpointInject("mock:signing")
    MockEndpoint signing;
    @EndpointInject("mock:js")
    MockEndpoint js;

    static boolean advised;
    static final AtomicBoolean FAIL_SECOND_CHUNK = new AtomicBoolean();

    @BeforeEach
    void adviseOnce() throws Exception {
        if (advised) {
            return;
        }
        AdviceWith.adviceWith(camel, "ingest", a -> a.weaveByToUri("direct:sign-batch").before()
                .process(ex -> {
                    var chunk = (cn.ydcx.gateway.exchange.ingest.SpooledBatch) ex.getMessage().getBody();
                    if (chunk.chunkNo() == 1 && FAIL_SECOND_CHUNK.getAndSet(false)) {
                        throw new IllegalStateException("disk full while signing chunk 1");
                    }
                }).to("mock:signing"));
        camel.start();
        AdviceWith.adviceWith(camel, "dispatch-JS", a -> {
            a.replaceFromWith("direct:dispatch-JS");
            a.weaveById("post-batch").replace().to("mock:js");
        });
        advised = true;
    }

    @Test
    void everyRouteHasAnIdAndADescription() {
        ModelCamelContext model = (ModelCamelContext) camel;
        assertThat(model.getRouteDefinitions()).extracting(r -> r.getRouteId())
                .contains("ingest", "sign-batch", "ingest-recovery", "receive-batch", "apply-batch", "catch-up",
                        "settle-delivery", "database-watchdog", "dispatch-JS", "dispatch-SH", "dispatch-AH",
                        "dispatch-REGION");
        model.getRouteDefinitions().forEach(r -> assertThat(r.getDescriptionText()).as(r.getRouteId()).isNotBlank());
    }

    @Test
    void ingestCutsTheFileIntoBatchesInSeqOrderAndARepostGetsTheSameAnswer() throws Exception {
        signing.reset();
        signing.expectedMessageCount(5); // 212 accepted records, 50 a batch
        IngestResult result = ingest("samples/ZJ/penalty.csv", "penalty");
        signing.assertIsSatisfied();

        assertThat(result.accepted()).isEqualTo(212);
        assertThat(result.rejected()).isEqualTo(29);
        assertThat(result.rejects()).hasSize(29);
        assertThat(result.batches()).extracting(b -> b.count()).containsExactly(50, 50, 50, 50, 12);
        assertThat(result.batches()).extracting(b -> b.seq()).containsExactly(1L, 2L, 3L, 4L, 5L);
        for (var b : result.batches()) {
            assertThat(outbox.forBatch(b.batchId())).extracting(Delivery::peer)
                    .containsExactlyInAnyOrder("REGION", "SH", "JS", "AH");
        }

        IngestResult again = ingest("samples/ZJ/penalty.csv", "penalty");
        assertThat(again.repeated()).isTrue();
        assertThat(again.runId()).isEqualTo(result.runId());
        assertThat(again.batches()).isEqualTo(result.batches());
        assertThat(again.rejects()).isEqualTo(result.rejects());
        assertThat(batches.outFrom("ZJ", "penalty", 1, 100)).hasSize(5);
    }

    @Test
    void anIngestThatFailsHalfWayIsContinuedByTheRepostWithoutGapsOrDoubles() throws Exception {
        FAIL_SECOND_CHUNK.set(true);
        assertThatThrownBy(() -> ingest("samples/ZJ/report.csv", "report"))
                .isInstanceOf(CamelExecutionException.class).hasRootCauseMessage("disk full while signing chunk 1");
        List<BatchRow> before = batches.outFrom("ZJ", "report", 1, 100);
        assertThat(before).extracting(BatchRow::chunkNo).containsExactly(0); // committed before the failure

        IngestResult result = ingest("samples/ZJ/report.csv", "report");
        assertThat(result.repeated()).isFalse();
        assertThat(result.batches()).extracting(b -> b.seq()).containsExactly(1L, 2L);
        List<BatchRow> after = batches.outFrom("ZJ", "report", 1, 100);
        assertThat(after).extracting(BatchRow::seq).containsExactly(1L, 2L);
        assertThat(after.subList(0, 1)).extracting(BatchRow::batchId)
                .containsExactlyElementsOf(before.stream().map(BatchRow::batchId).toList());
        assertThat(result.accepted()).isEqualTo(after.stream().mapToInt(BatchRow::recordCount).sum());
    }

    @Test
    void aPeerIsSentItsBatchesInOrderUntilItAnswersWithASignedReceipt() throws Exception {
        IngestResult result = ingest("samples/ZJ/license.csv", "license");
        assertThat(result.batches()).hasSize(2);
        String first = result.batches().get(0).batchId();
        String second = result.batches().get(1).batchId();
        skipEarlierDeliveries(first);

        // the peer is starting: 503, no receipt. The first batch waits; the second is not tried.
        js.reset();
        js.whenAnyExchangeReceived(ex -> {
            ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
            ex.getMessage().setBody("{\"error\":\"node JS is starting\"}");
        });
        producer.sendBody("direct:dispatch-JS", null);
        Delivery d1 = outbox.find(first, "JS").orElseThrow();
        assertThat(d1.state()).isEqualTo(DeliveryState.RETRYING);
        assertThat(d1.attempts()).isEqualTo(1);
        assertThat(d1.lastError()).startsWith("HTTP 503").contains("starting");
        Instant since = d1.retryingSince();
        assertThat(outbox.find(second, "JS").orElseThrow().state()).isEqualTo(DeliveryState.PENDING);

        // the peer is down: the connection is refused
        js.reset();
        js.whenAnyExchangeReceived(ex -> {
            throw new ConnectException("Connection refused");
        });
        Thread.sleep(20);
        producer.sendBody("direct:dispatch-JS", null);
        d1 = outbox.find(first, "JS").orElseThrow();
        assertThat(d1.state()).isEqualTo(DeliveryState.RETRYING);
        assertThat(d1.attempts()).isEqualTo(2);
        assertThat(d1.lastError()).isEqualTo("cannot connect: Connection refused");
        assertThat(d1.retryingSince()).isEqualTo(since);

        // the peer is back and signs receipts: both batches go, oldest first, in one round
        js.reset();
        js.expectedMessageCount(2);
        js.whenAnyExchangeReceived(RoutesTest::acceptAsJs);
        Thread.sleep(20);
        long auditBefore = audit.size();
        producer.sendBody("direct:dispatch-JS", null);
        js.assertIsSatisfied();
        assertThat(js.getReceivedExchanges()).extracting(ex -> header(ex).path("batchId").asText())
                .containsExactly(first, second);
        for (String id : List.of(first, second)) {
            Delivery d = outbox.find(id, "JS").orElseThrow();
            assertThat(d.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(Json.mapper().readTree(d.receiptJson()).path("receipt").path("receiver").asText()).isEqualTo("JS");
        }
        assertThat(audit.entries(auditBefore, audit.size())).filteredOn(e -> e.contains("\"type\":\"RECEIPT\""))
                .hasSize(2);
        // the other peers were never attempted
        assertThat(outbox.find(first, "SH").orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void aRefusingPeerIsNotAskedAgainUntilAnOperatorResends() throws Exception {
        IngestResult result = ingest("samples/ZJ/dishonesty.csv", "dishonesty");
        String first = result.batches().get(0).batchId();
        skipEarlierDeliveries(first);
        js.reset();
        js.whenAnyExchangeReceived(ex -> {
            JsonNode h = header(ex);
            ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 422);
            ex.getMessage().setBody(Json.mapper().writeValueAsString(new ReceiptSigner(PKI.credentials(Suite.SM2_SM3,
                    "JS")).sign(h, Instant.now(), ReceiptStatus.REFUSED,
                    List.of(new ReceiptSigner.Problem("REVOKED", "signer certificate CN=ZJ is revoked")))));
        });
        producer.sendBody("direct:dispatch-JS", null);
        Delivery refused = outbox.find(first, "JS").orElseThrow();
        assertThat(refused.state()).isEqualTo(DeliveryState.REFUSED);
        assertThat(refused.lastError()).isEqualTo("REVOKED signer certificate CN=ZJ is revoked");

        assertThat(outbox.resend(first, "JS", Instant.now())).isEqualTo(DeliveryState.REFUSED);
        js.reset();
        js.whenAnyExchangeReceived(RoutesTest::acceptAsJs);
        producer.sendBody("direct:dispatch-JS", null);
        assertThat(outbox.find(first, "JS").orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    /** Earlier tests' batches are delivered to JS first (the peer gets its batches in order). */
    private void skipEarlierDeliveries(String upTo) throws Exception {
        js.reset();
        js.whenAnyExchangeReceived(ex -> {
            if (!header(ex).path("batchId").asText().equals(upTo)) {
                acceptAsJs(ex);
            } else {
                ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
                ex.getMessage().setBody("not yet");
            }
        });
        producer.sendBody("direct:dispatch-JS", null);
        // undo the one failed attempt on upTo so that the test starts from a fresh delivery
        Delivery d = outbox.find(upTo, "JS").orElseThrow();
        if (d.state() != DeliveryState.PENDING) {
            new org.springframework.jdbc.core.JdbcTemplate(camel.getRegistry()
                    .findSingleByType(javax.sql.DataSource.class))
                    .update("UPDATE outbox_delivery SET state = 'PENDING', attempts = 0, retrying_since = NULL,"
                            + " last_error = NULL WHERE batch_id = ? AND peer = 'JS'", upTo);
        }
        Thread.sleep(10);
    }

    private static JsonNode header(Exchange ex) throws Exception {
        return Json.mapper().readTree(ex.getMessage().getBody(byte[].class)).path("header");
    }

    private static void acceptAsJs(Exchange ex) throws Exception {
        ex.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        ex.getMessage().setBody(Json.mapper().writeValueAsString(new ReceiptSigner(PKI.credentials(Suite.SM2_SM3, "JS"))
                .sign(header(ex), Instant.now(), ReceiptStatus.ACCEPTED, List.of())));
    }

    /** What the ingest controller does: the upload under its SHA-256, then the route. */
    private IngestResult ingest(String sample, String dataset) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(sample));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path upload = IngestService.uploadPath(data, dataset, "increment", sha);
        Files.createDirectories(upload.getParent());
        Files.write(upload, bytes);
        Map<String, Object> headers = new HashMap<>();
        headers.put("dataset", dataset);
        headers.put("mode", "increment");
        headers.put("fileSha256", sha);
        return producer.requestBodyAndHeaders("direct:ingest", upload, headers, IngestResult.class);
    }
}
