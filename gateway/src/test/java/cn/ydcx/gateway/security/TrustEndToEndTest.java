package cn.ydcx.gateway.security;

import cn.ydcx.gateway.crypto.SamplePkiCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.batch.BatchFixtures;
import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.cli.GatewayCli;
import cn.ydcx.gateway.crypto.Crls;
import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.LocalRegion;
import cn.ydcx.gateway.pki.PkiGenerator;
import cn.ydcx.gateway.store.AuditStore;
import cn.ydcx.gateway.store.BatchStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nodes (JS, REGION) over real mutual TLS on loopback, with a temporary copy of the sample
 * PKI that the test revokes from while the nodes run: authorization by certificate CN, the CRL
 * endpoint, foreign roots, expired signers, key rotation, and revocation without restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustEndToEndTest {

    @TempDir
    static Path tmp;

    static Path certs;
    static PkiLayout pki;
    static LocalRegion region;
    static final AtomicLong seq = new AtomicLong(1);

    @BeforeAll
    static void start() throws IOException {
        certs = SamplePkiCopy.to(tmp.resolve("pki"));
        pki = PkiLayout.at(certs);
        region = LocalRegion.start(List.of(NodeCode.JS, NodeCode.REGION), tmp.resolve("data"), certs.toString(),
                true, Map.of("gateway.crl.poll-interval", "200ms", "gateway.delivery.poll-ms", "3600000"));
    }

    @AfterAll
    static void stop() {
        if (region != null) {
            region.close();
        }
    }

    private static String js(String path) {
        return region.url(NodeCode.JS) + path;
    }

    private static byte[] batch(String signerKey, NodeCode source, Instant createdAt) {
        NodeCredentials creds = pki.credentials(Suite.SM2_SM3, signerKey);
        long s = seq.getAndIncrement();
        var records = List.of(BatchFixtures.record(source, Dataset.PENALTY, "沪罚〔2026〕" + s + "号"));
        return Json.mapper().valueToTree(new BatchSigner(creds).sign(source + "-penalty-" + s + "-t", source,
                Dataset.PENALTY, s, createdAt, records)).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode deliver(String tlsIdentity, byte[] batch, int expectedStatus) throws Exception {
        MtlsClient.Response r = new MtlsClient(pki, tlsIdentity).post(js("/api/v1/exchange/batches"), batch,
                "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
        return r.json().path("receipt");
    }

    @Test
    @Order(1)
    void officeOfAnotherNodeMayNotIngestAndIsAudited() throws Exception {
        AuditStore audit = region.bean(NodeCode.JS, AuditStore.class);
        long before = audit.size();
        MtlsClient.Response r = new MtlsClient(pki, "office-ZJ").post(js("/api/v1/ingest/penalty"),
                "irrelevant".getBytes(), "text/csv");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").asText()).contains("CN=office-ZJ").contains("ingest").contains("JS");
        assertThat(audit.size()).isEqualTo(before + 1);
        assertThat(audit.entry(before).orElseThrow()).contains("\"type\":\"ACCESS_DENIED\"").contains("office-ZJ");
    }

    @Test
    @Order(2)
    void ownOfficeMayQueryItsNode() throws Exception {
        MtlsClient.Response r = new MtlsClient(pki, "office-JS").get(js("/api/v1/records?uscc=91330100MA2XXXXX0X"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().has("records")).isTrue();
    }

    @Test
    @Order(3)
    void auditorMayReadTheRefusedLogButNotDeliverBatches() throws Exception {
        MtlsClient auditor = new MtlsClient(pki, "auditor");
        MtlsClient.Response post = auditor.post(js("/api/v1/exchange/batches"),
                batch("SH", NodeCode.SH, Instant.now()), "application/json");
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.json().path("error").asText()).contains("CN=auditor").contains("deliver a batch");
        assertThat(auditor.get(js("/api/v1/exchange/refused")).status()).isEqualTo(200);
        assertThat(auditor.get(js("/actuator/health")).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void nodeMayDeliverABatch() throws Exception {
        JsonNode receipt = deliver("SH", batch("SH", NodeCode.SH, Instant.now()), 200);
        assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
        // stored (held back or applied: the seqs before it may have gone to refused requests)
        assertThat(region.bean(NodeCode.JS, BatchStore.class).list("IN", 10))
                .anySatisfy(b -> assertThat(b.batchId()).isEqualTo(receipt.path("batchId").asText()));
    }

    @Test
    @Order(5)
    void regionServesTheCrlOtherNodesDoNot() throws Exception {
        MtlsClient.Response r = new MtlsClient(pki, "auditor").get(region.url(NodeCode.REGION) + "/api/v1/pki/crl/ES256");
        assertThat(r.status()).isEqualTo(200);
        X509CRLHolder crl = Crls.fromPem(r.body().getBytes(StandardCharsets.US_ASCII));
        assertThat(Crls.checkIssuedBy(crl, pki.rootCertificate(Suite.ES256))).isNull();
        assertThat(new MtlsClient(pki, "auditor").get(region.url(NodeCode.REGION) + "/api/v1/pki/crl/sm2").status())
                .isEqualTo(200);
        assertThat(new MtlsClient(pki, "auditor").get(js("/api/v1/pki/crl/ES256")).status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void certificateOfAForeignRootFailsTheHandshake(@TempDir Path foreignDir) throws Exception {
        new PkiGenerator().generate(foreignDir, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30));
        MtlsClient foreign = new MtlsClient(PkiLayout.at(foreignDir), "SH", pki);
        assertThatThrownBy(() -> foreign.get(js("/actuator/health"))).isInstanceOf(IOException.class);
    }

    @Test
    @Order(7)
    void batchesFromSignersOutsideValidityAtCreatedAtAreRefused() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new PkiGenerator().issue(certs, Suite.SM2_SM3, "SH", "SH.expired", now.minus(Duration.ofDays(30)),
                Duration.ofDays(1));
        JsonNode expired = deliver("SH", batch("SH.expired", NodeCode.SH, now), 422);
        assertThat(expired.path("problems").path(0).path("code").asText()).isEqualTo("CERT_EXPIRED");
        // the genuine SH certificate, but a createdAt from before it was issued
        JsonNode early = deliver("SH", batch("SH", NodeCode.SH, Instant.parse("2001-01-01T00:00:00Z")), 422);
        assertThat(early.path("problems").path(0).path("code").asText()).isEqualTo("CERT_NOT_YET_VALID");
    }

    @Test
    @Order(8)
    void rotatedKeyOverlapsWithTheOldOneUntilTheOldIsRevoked() throws Exception {
        assertThat(GatewayCli.run("pki", "issue", "--name", "ZJ", "--certs", certs.toString())).isZero();
        Instant beforeRevocation = Instant.now().minusSeconds(5);
        byte[] oldEarly = batch("ZJ", NodeCode.ZJ, beforeRevocation);
        // a ZJ node configured with the new key signs and serves TLS with it
        try (LocalRegion zj = LocalRegion.start(List.of(NodeCode.ZJ), tmp.resolve("data-zj"), certs.toString(), true,
                Map.of("gateway.key-name", "ZJ.next", "gateway.delivery.poll-ms", "3600000"))) {
            assertThat(zj.bean(NodeCode.ZJ, BatchSigner.class).credentials().certificate())
                    .isEqualTo(pki.credentials(Suite.SM2_SM3, "ZJ.next").certificate());
            MtlsClient.Response health = new MtlsClient(pki, "auditor").get(zj.url(NodeCode.ZJ) + "/actuator/health");
            assertThat(health.serverCertificate()).isEqualTo(pki.credentials(Suite.ES256, "ZJ.next").certificate());
        }
        // overlap: batches signed with either key are accepted
        assertThat(deliver("ZJ", batch("ZJ", NodeCode.ZJ, Instant.now()), 200).path("status").asText())
                .isEqualTo("ACCEPTED");
        assertThat(deliver("ZJ.next", batch("ZJ.next", NodeCode.ZJ, Instant.now()), 200).path("status").asText())
                .isEqualTo("ACCEPTED");

        assertThat(GatewayCli.run("pki", "revoke", "--name", "ZJ", "--certs", certs.toString(),
                "--reason", "superseded")).isZero();
        JsonNode old = deliver("ZJ.next", batch("ZJ", NodeCode.ZJ, Instant.now().plusSeconds(1)), 422);
        assertThat(old.path("problems").path(0).path("code").asText()).isEqualTo("REVOKED");
        assertThat(deliver("ZJ.next", batch("ZJ.next", NodeCode.ZJ, Instant.now()), 200).path("status").asText())
                .isEqualTo("ACCEPTED");
        // superseded is a routine retirement: what the old key signed before it still verifies
        assertThat(deliver("ZJ.next", oldEarly, 200).path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    @Order(9)
    void revokedNodeIsRefusedForBatchesAndTlsWithoutRestart() throws Exception {
        MtlsClient shKeptAlive = new MtlsClient(pki, "SH");
        assertThat(shKeptAlive.get(js("/api/v1/records/summary")).status()).isEqualTo(200);

        assertThat(GatewayCli.run("pki", "revoke", "--name", "SH", "--certs", certs.toString(),
                "--reason", "keyCompromise")).isZero();

        // batches: the verifier reads the new CRL on the next check (delivered over ZJ.next's connection)
        JsonNode receipt = deliver("ZJ.next", batch("SH", NodeCode.SH, Instant.now()), 422);
        assertThat(receipt.path("problems").path(0).path("code").asText()).isEqualTo("REVOKED");
        assertThat(receipt.path("problems").path(0).path("detail").asText()).contains("CN=SH");
        // a connection opened before the revocation: refused per request by the filter
        MtlsClient.Response reused = shKeptAlive.get(js("/api/v1/records/summary"));
        assertThat(reused.status()).isEqualTo(403);
        assertThat(reused.json().path("error").asText()).contains("CN=SH").contains("REVOKED");
        // new connections: refused in the handshake once the connector reloaded its CRL (polled every 200 ms)
        long deadline = System.currentTimeMillis() + 10_000;
        IOException handshake = null;
        while (handshake == null && System.currentTimeMillis() < deadline) {
            try {
                new MtlsClient(pki, "SH").get(js("/actuator/health"));
                Thread.sleep(100);
            } catch (IOException e) {
                handshake = e;
            }
        }
        assertThat(handshake).as("TLS handshake of a revoked client certificate fails").isNotNull();
        // everyone else still gets in, with the reloaded TLS configuration
        assertThat(new MtlsClient(pki, "office-JS").get(js("/api/v1/records/summary")).status()).isEqualTo(200);
    }
}
