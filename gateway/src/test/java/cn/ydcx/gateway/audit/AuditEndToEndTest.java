package cn.ydcx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.cli.GatewayCli;
import cn.ydcx.gateway.client.TlsClient;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.LocalRegion;
import cn.ydcx.gateway.store.AuditStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log from the outside: an auditor verifies each node's whole log and its signed
 * checkpoints, traces one record from the sender's log into the receiver's with every proof, and
 * a node that rewrites its past is caught — by the auditor, and by its peer's witness check.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditEndToEndTest {

    @TempDir
    static Path data;
    static LocalRegion region;
    static String recordId;

    @BeforeAll
    static void exchangeOneFile() throws Exception {
        region = LocalRegion.start(List.of(NodeCode.ZJ, NodeCode.JS), data, "certs-sample", true,
                Map.of("gateway.audit.peer-sync-ms", "3600000"));
        TlsClient office = new TlsClient(PkiLayout.resolve("certs-sample"), "office-ZJ");
        JsonNode result = office.post(region.url(NodeCode.ZJ) + "/api/v1/ingest/penalty",
                Files.readAllBytes(Path.of("samples/ZJ/penalty.csv")), "text/csv").json();
        String batchId = result.path("batches").path(0).path("batchId").asText();
        for (int i = 0; i < 300; i++) {
            JsonNode b = office.get(region.url(NodeCode.ZJ) + "/api/v1/exchange/batches/" + batchId).json();
            if ("DELIVERED".equals(b.path("deliveries").path(0).path("state").asText())) {
                break;
            }
            Thread.sleep(100);
        }
        JsonNode batch = office.get(region.url(NodeCode.ZJ) + "/api/v1/exchange/batches/" + batchId + "/document").json();
        recordId = batch.path("records").path(7).path("recordId").asText();
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    static int cli(ByteArrayOutputStream buf, String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return GatewayCli.run(args);
        } finally {
            System.setOut(old);
        }
    }

    static String[] urls(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--node", "ZJ,JS", "--url", "ZJ=" + region.url(NodeCode.ZJ),
                "--url", "JS=" + region.url(NodeCode.JS), "--certs", "certs-sample"));
        return all.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void auditorVerifiesEveryEntryAndCheckpointOfBothNodes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = cli(out, urls("audit", "verify"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("ZJ     VALID").contains("JS     VALID");
    }

    @Test
    @Order(2)
    void oneRecordIsTracedFromTheSendersLogIntoTheReceiversWithProofs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = cli(out, urls("audit", "trace", "--record", recordId));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("BATCH_SIGNED").contains("BATCH_RECEIVED").contains("every proof verified");

        // and the same by hand: the proofs are standard RFC 6962 paths over JCS bytes
        TlsClient auditor = new TlsClient(PkiLayout.resolve("certs-sample"), "auditor");
        JsonNode trace = auditor.get(region.url(NodeCode.JS) + "/api/v1/audit/trace/" + recordId).json();
        JsonNode item = trace.path("entries").path(0);
        assertThat(item.path("entry").path("type").asText()).isEqualTo("BATCH_RECEIVED");
        JsonNode proof = item.path("inclusion");
        byte[] leaf = MerkleTree.leafHash(Suite.SM2_SM3, Jcs.canonicalize(item.path("entry")));
        List<byte[]> path = new java.util.ArrayList<>();
        proof.path("path").forEach(h -> path.add(java.util.HexFormat.of().parseHex(h.asText())));
        assertThat(MerkleTree.verifyInclusion(Suite.SM2_SM3, leaf, proof.path("leafIndex").asLong(),
                proof.path("treeSize").asLong(), path,
                java.util.HexFormat.of().parseHex(trace.path("checkpoint").path("checkpoint").path("rootHash").asText())))
                .isTrue();
    }

    @Test
    @Order(3)
    void peerAcceptsAGrowingLogOnlyWithAConsistencyProof() throws Exception {
        PeerCheckpointSync js = region.bean(NodeCode.JS, PeerCheckpointSync.class);
        // the first round may already have run from the node's own timer
        assertThat(js.sync("ZJ")).matches("ACCEPTED.*|UNCHANGED");
        // ZJ's log grows (a query is audited); JS demands and checks a consistency proof
        new TlsClient(PkiLayout.resolve("certs-sample"), "office-ZJ")
                .get(region.url(NodeCode.ZJ) + "/api/v1/records?uscc=913304007429141869");
        assertThat(js.sync("ZJ")).startsWith("ACCEPTED");
        assertThat(js.sync("ZJ")).isEqualTo("UNCHANGED");
    }

    @Test
    @Order(4)
    void aRewrittenEntryIsCaughtByTheAuditor() {
        JdbcTemplate zj = new JdbcTemplate(region.bean(NodeCode.ZJ, DataSource.class));
        String entry = zj.queryForObject("SELECT entry_jcs FROM audit_entry WHERE idx = 1", String.class);
        zj.update("UPDATE audit_entry SET entry_jcs = ? WHERE idx = 1", entry.replace("\"node\":\"ZJ\"", "\"node\":\"ZX\""));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = cli(out, urls("audit", "verify"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(1);
        assertThat(printed).contains("ZJ     INVALID").contains("JS     VALID");
    }

    @Test
    @Order(5)
    void aNodeThatRewritesItsPastConsistentlyIsCaughtByItsPeer() throws Exception {
        // ZJ rewrites entry 1 and its leaf hash, drops its checkpoints and signs new ones: its log
        // is self-consistent again, but not with what JS witnessed before.
        DataSource ds = region.bean(NodeCode.ZJ, DataSource.class);
        JdbcTemplate zj = new JdbcTemplate(ds);
        String forged = zj.queryForObject("SELECT entry_jcs FROM audit_entry WHERE idx = 1", String.class);
        ObjectNode parsed = (ObjectNode) cn.ydcx.gateway.model.Json.mapper().readTree(forged);
        zj.update("UPDATE audit_entry SET leaf_hash = ? WHERE idx = 1",
                MerkleTree.leafHash(Suite.SM2_SM3, Jcs.canonicalize(parsed)));
        zj.update("DELETE FROM audit_checkpoint");
        region.bean(NodeCode.ZJ, AuditLog.class).append(region.bean(NodeCode.ZJ, AuditLog.class)
                .entry(AuditEvent.QUERY_ANSWERED));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(cli(out, urls("audit", "verify", "--node", "ZJ"))).isZero(); // alone it looks fine

        long jsAudit = region.bean(NodeCode.JS, AuditStore.class).size();
        String outcome = region.bean(NodeCode.JS, PeerCheckpointSync.class).sync("ZJ");
        assertThat(outcome).startsWith("REFUSED").contains("consistency proof");
        assertThat(region.bean(NodeCode.JS, AuditStore.class).entry(jsAudit).orElseThrow())
                .contains("PEER_LOG_INCONSISTENT").contains("\"peer\":\"ZJ\"");
    }
}
