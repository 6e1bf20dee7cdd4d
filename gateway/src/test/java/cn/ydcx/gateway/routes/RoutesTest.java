package cn.ydcx.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.GatewayApplication;
import cn.ydcx.gateway.exchange.IngestResult;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.NodeLauncher;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.OutboxStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Camel routes of one node, loaded from routes/*.yaml as in production, with the
 * dispatcher replaced by a mock so the ingest pipeline is observed without any peer.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RoutesTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        Map<String, Object> props = NodeLauncher.defaults(NodeCode.ZJ, 0, data, "certs-sample",
                NodeLauncher.loopbackPeers(NodeCode.ZJ, Map.of()));
        props.forEach((k, v) -> registry.add(k, () -> v));
        registry.add("gateway.delivery.poll-ms", () -> "3600000");
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    BatchStore batches;

    @Autowired
    OutboxStore outbox;

    @EndpointInject("mock:dispatch")
    MockEndpoint dispatch;

    @Test
    void everyRouteHasAnIdAndADescription() {
        ModelCamelContext model = (ModelCamelContext) camel;
        assertThat(model.getRouteDefinitions()).extracting(r -> r.getRouteId())
                .contains("ingest", "dispatch", "dispatch-retry", "receive-batch");
        model.getRouteDefinitions().forEach(r -> assertThat(r.getDescriptionText()).as(r.getRouteId()).isNotBlank());
    }

    @Test
    void ingestSignsOneBatchQueuesEveryPeerAndWakesTheDispatcher() throws Exception {
        AdviceWith.adviceWith(camel, "ingest",
                a -> a.weaveByToUri("seda:dispatch*").replace().to("mock:dispatch"));
        camel.start();
        dispatch.expectedMessageCount(1);

        Path upload = Files.copy(Path.of("samples/ZJ/penalty.csv"), data.resolve("upload.csv"));
        IngestResult result = producer.requestBodyAndHeader("direct:ingest", upload, "dataset", "penalty",
                IngestResult.class);

        dispatch.assertIsSatisfied();
        assertThat(result.accepted()).isPositive();
        assertThat(result.batches()).hasSize(1);
        String batchId = result.batches().get(0).batchId();
        assertThat(batches.find(batchId, "OUT")).isPresent();
        assertThat(outbox.forBatch(batchId)).extracting(d -> d.peer())
                .containsExactlyInAnyOrder("REGION", "SH", "JS", "AH");
        assertThat(outbox.forBatch(batchId)).allSatisfy(d -> assertThat(d.state()).isEqualTo("PENDING"));
    }
}
