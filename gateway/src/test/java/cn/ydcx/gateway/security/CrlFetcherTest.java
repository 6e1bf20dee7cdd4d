package cn.ydcx.gateway.security;

import cn.ydcx.gateway.crypto.SamplePkiCopy;
import static cn.ydcx.gateway.batch.BatchFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.cli.GatewayCli;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.exchange.receive.ReceiveOutcome;
import org.apache.camel.ProducerTemplate;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.LocalRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revocation published at REGION reaches a province node that keeps its own copy of the PKI:
 * the node fetches the newer, root-signed CRL and from then on refuses the revoked signer —
 * without a restart.
 */
class CrlFetcherTest {

    @Test
    void aRevocationAtRegionReachesAProvinceNodeWithItsOwnPki(@TempDir Path tmp) throws Exception {
        Path regionPki = SamplePkiCopy.to(tmp.resolve("region-pki"));
        Path jsPki = SamplePkiCopy.to(tmp.resolve("js-pki"));
        Map<String, Object> quiet = Map.of("gateway.crl.fetch-ms", "3600000", "gateway.audit.peer-sync-ms", "3600000");
        try (LocalRegion region = LocalRegion.start(List.of(NodeCode.REGION), tmp.resolve("r"), regionPki.toString(),
                true, quiet)) {
            Map<String, Object> jsProps = new java.util.HashMap<>(quiet);
            jsProps.put("gateway.peers.REGION", region.url(NodeCode.REGION));
            try (LocalRegion js = LocalRegion.start(List.of(NodeCode.JS), tmp.resolve("j"), jsPki.toString(), true, jsProps)) {
                CrlFetcher fetcher = js.bean(NodeCode.JS, CrlFetcher.class);
                assertThat(fetcher.fetchAll()).allMatch(s -> s.endsWith("UNCHANGED"));

                assertThat(GatewayCli.run("pki", "revoke", "--name", "SH", "--certs", regionPki.toString(),
                        "--reason", "keyCompromise")).isZero();
                assertThat(fetcher.fetchAll()).containsExactly("SM2-SM3: UPDATED", "ES256: UPDATED");
                assertThat(Files.readString(jsPki.resolve("sm2/root.crl.pem")))
                        .isEqualTo(Files.readString(regionPki.resolve("sm2/root.crl.pem")));
                assertThat(fetcher.fetchAll()).allMatch(s -> s.endsWith("UNCHANGED"));

                var batch = new BatchSigner(PkiLayout.at(jsPki).credentials(Suite.SM2_SM3, "SH"))
                        .sign("sh-after-revocation", NodeCode.SH, Dataset.PENALTY, 1,
                                Instant.now().truncatedTo(ChronoUnit.SECONDS), records(NodeCode.SH, Dataset.PENALTY, 2));
                ReceiveOutcome outcome = js.bean(NodeCode.JS, ProducerTemplate.class).requestBodyAndHeader(
                        "direct:receive-batch", Json.mapper().writeValueAsBytes(batch), "peer", "SH",
                        ReceiveOutcome.class);
                assertThat(outcome.receipt().path("receipt").path("problems").path(0).path("code").asText())
                        .isEqualTo("REVOKED");
            }
        }
    }
}
