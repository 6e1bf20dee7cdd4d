package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.crypto.Certs;
import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.Pem;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Sign → verify round trips with the committed sample PKI. */
class BatchSignVerifyTest {
    private static final Instant CREATED = Instant.parse("2027-03-01T08:30:15.789Z");

    @ParameterizedTest
    @EnumSource(Suite.class)
    void signedBatchVerifiesAndHasTheSpecShape(Suite suite) throws Exception {
        NodeCredentials zj = samplePki().credentials(suite, "ZJ");
        List<ObjectNode> recs = records(NodeCode.ZJ, Dataset.PENALTY, 5);
        ObjectNode batch = new BatchSigner(zj).sign("b-1", NodeCode.ZJ, Dataset.PENALTY, 7, CREATED, recs);

        JsonNode h = batch.get("header");
        assertThat(h.get("batchId").textValue()).isEqualTo("b-1");
        assertThat(h.get("source").textValue()).isEqualTo("ZJ");
        assertThat(h.get("dataset").textValue()).isEqualTo("penalty");
        assertThat(h.get("seq").longValue()).isEqualTo(7);
        assertThat(h.get("createdAt").textValue()).isEqualTo("2027-03-01T08:30:15Z"); // second precision
        assertThat(h.get("count").intValue()).isEqualTo(5);
        assertThat(h.get("suite").textValue()).isEqualTo(suite.wireName());
        byte[] expectedRoot = MerkleTree.rootFromLeafHashes(suite, recs.stream()
                .map(r -> MerkleTree.leafHash(suite, Jcs.canonicalize(r))).toList());
        assertThat(h.get("merkleRoot").textValue()).isEqualTo(HexFormat.of().formatHex(expectedRoot));
        assertThat(batch.get("records")).containsExactlyElementsOf(recs);
        JsonNode certs = batch.at("/signature/certificates");
        assertThat(certs).hasSize(2);
        assertThat(Certs.commonName(Pem.certificateFromDer(Base64.getDecoder().decode(certs.get(0).textValue()))))
                .isEqualTo("ZJ");
        assertThat(Pem.certificateFromDer(Base64.getDecoder().decode(certs.get(1).textValue())))
                .isEqualTo(samplePki().rootCertificate(suite));
        byte[] sig = Base64.getDecoder().decode(batch.at("/signature/value").textValue());
        assertThat(suite.verify(zj.certificate().getPublicKey(), Jcs.canonicalize(h), sig)).isTrue();

        assertThat(new BatchVerifier(sampleRoots()).verify(batch)).isEqualTo(BatchVerification.ok());
    }

    @Test
    void verificationSurvivesSerialisationMemberOrderAndNumberSpelling() throws Exception {
        NodeCredentials sh = samplePki().credentials(Suite.SM2_SM3, "SH");
        ObjectNode rec = record(NodeCode.SH, Dataset.REPORT, "R-1");
        rec.with("data").put("score", 1.5);
        ObjectNode batch = new BatchSigner(sh).sign("b-2", NodeCode.SH, Dataset.REPORT, 1, CREATED, List.of(rec));
        String pretty = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(batch);
        // what the receiver parses is a different text of the same JSON: members reordered, 1.5 spelled 15e-1
        String respelled = pretty.replace("\"score\" : 1.5", "\"score\" : 15e-1");
        assertThat(respelled).isNotEqualTo(pretty);
        JsonNode received = Json.mapper().readTree(respelled);
        assertThat(new BatchVerifier(sampleRoots()).verify(received).valid()).isTrue();
    }

    @Test
    void anEmptyBatchIsValidWithTheEmptyRoot() {
        NodeCredentials ah = samplePki().credentials(Suite.ES256, "AH");
        ObjectNode batch = new BatchSigner(ah).sign("empty", NodeCode.AH, Dataset.LICENSE, 3, CREATED, List.of());
        assertThat(batch.at("/header/merkleRoot").textValue())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new BatchVerifier(sampleRoots()).verify(batch).valid()).isTrue();
    }

    @Test
    void theChainMayOmitTheRoot() {
        NodeCredentials js = samplePki().credentials(Suite.SM2_SM3, "JS");
        ObjectNode batch = new BatchSigner(js).sign("b-3", NodeCode.JS, Dataset.DISHONESTY, 1, CREATED,
                records(NodeCode.JS, Dataset.DISHONESTY, 2));
        ((com.fasterxml.jackson.databind.node.ArrayNode) batch.at("/signature/certificates")).remove(1);
        assertThat(new BatchVerifier(sampleRoots()).verify(batch).valid()).isTrue();
    }

    @Test
    void signerRefusesRecordsItsPeersWouldRefuse() {
        BatchSigner zj = new BatchSigner(samplePki().credentials(Suite.SM2_SM3, "ZJ"));
        ObjectNode sh = record(NodeCode.SH, Dataset.PENALTY, "K1");
        assertThatThrownBy(() -> zj.sign("x", NodeCode.ZJ, Dataset.PENALTY, 1, CREATED, List.of(sh)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records[0] has source SH");
        ObjectNode lic = record(NodeCode.ZJ, Dataset.LICENSE, "K1");
        assertThatThrownBy(() -> zj.sign("x", NodeCode.ZJ, Dataset.PENALTY, 1, CREATED, List.of(lic)))
                .hasMessageContaining("dataset license");
        ObjectNode badId = record(NodeCode.ZJ, Dataset.PENALTY, "K1");
        badId.put("recordId", "00000000000000000000000000000000");
        assertThatThrownBy(() -> zj.sign("x", NodeCode.ZJ, Dataset.PENALTY, 1, CREATED, List.of(badId)))
                .hasMessageContaining("recordId");
    }

    @Test
    void recordIdFollowsTheSpec() throws Exception {
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                .digest("ZJ\npenalty\n浙杭罚〔2026〕1号".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(RecordIds.of("ZJ", "penalty", "浙杭罚〔2026〕1号"))
                .isEqualTo(HexFormat.of().formatHex(sha).substring(0, 32))
                .hasSize(32).matches("[0-9a-f]{32}");
        assertThat(RecordIds.of("ZJ", "penalty", "a")).isNotEqualTo(RecordIds.of("SH", "penalty", "a"));
    }

    @Test
    void credentialsNeverPrintTheKey() {
        NodeCredentials zj = samplePki().credentials(Suite.ES256, "ZJ");
        String s = zj.toString();
        assertThat(s).contains("ZJ").contains("hidden");
        assertThat(s).doesNotContain(Base64.getEncoder().encodeToString(zj.privateKey().getEncoded()).substring(40, 60));
        assertThat(s).doesNotContainIgnoringCase(zj.privateKey().toString());
    }
}
