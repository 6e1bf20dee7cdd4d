package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.RevocationCheck;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.pki.PkiGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each BatchProblem the verifier detects, produced by one concrete tampering. */
class BatchTamperingTest {
    private static final Instant CREATED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    static Path tmp;
    static PkiLayout foreignPki;
    static PkiLayout expiredPki;

    @BeforeAll
    static void generateOtherPkis() throws Exception {
        // a second, unrelated regional PKI, and one whose certificates expired two years ago
        new PkiGenerator().generate(tmp.resolve("foreign"), Suite.SM2_SM3, CREATED.minus(Duration.ofDays(1)),
                Duration.ofDays(30));
        Instant threeYearsAgo = CREATED.minus(Duration.ofDays(3 * 365));
        new PkiGenerator().generate(tmp.resolve("expired"), Suite.SM2_SM3, threeYearsAgo, Duration.ofDays(365));
        foreignPki = PkiLayout.at(tmp.resolve("foreign"));
        expiredPki = PkiLayout.at(tmp.resolve("expired"));
    }

    private static NodeCredentials zj(Suite suite) {
        return samplePki().credentials(suite, "ZJ");
    }

    private static ObjectNode zjBatch(Suite suite) {
        return new BatchSigner(zj(suite)).sign("batch-1", NodeCode.ZJ, Dataset.PENALTY, 4, CREATED,
                records(NodeCode.ZJ, Dataset.PENALTY, 4));
    }

    private static BatchVerification verify(JsonNode batch) {
        BatchVerifier verifier = new BatchVerifier(sampleRoots());
        BatchVerification v = verifier.verify(batch);
        // every tampering also as a receiver gets it: bytes with JCS records, and Jackson's writing
        try {
            if (batch != null && batch.isObject()) {
                assertThat(SameVerdict.check(verifier, BatchWire.toBytes(batch))).isEqualTo(v);
            }
            assertThat(SameVerdict.check(verifier, Json.mapper().writeValueAsBytes(batch))).isEqualTo(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    private static void assertProblem(JsonNode batch, BatchProblem problem, String detailPart) {
        BatchVerification v = verify(batch);
        assertThat(v.valid()).as("valid").isFalse();
        assertThat(v.problem()).as(v.detail()).isEqualTo(problem);
        assertThat(v.detail()).contains(detailPart).doesNotContain("\n");
    }

    private static ArrayNode recs(ObjectNode batch) {
        return (ArrayNode) batch.get("records");
    }

    private static ObjectNode header(ObjectNode batch) {
        return (ObjectNode) batch.get("header");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void oneChangedCharacterInARecordValueBreaksTheMerkleRoot(Suite suite) {
        ObjectNode batch = zjBatch(suite);
        assertThat(verify(batch).valid()).isTrue();
        ObjectNode data = (ObjectNode) recs(batch).get(2).get("data");
        data.put("fineAmount", "2000.01");
        assertProblem(batch, BatchProblem.MERKLE_ROOT_MISMATCH, "merkleRoot mismatch: header ");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aChangedHeaderFieldBreaksTheSignature(Suite suite) {
        ObjectNode batch = zjBatch(suite);
        header(batch).put("seq", 5);
        assertProblem(batch, BatchProblem.BAD_SIGNATURE, "does not verify");
        ObjectNode other = zjBatch(suite);
        header(other).put("batchId", "batch-2");
        assertProblem(other, BatchProblem.BAD_SIGNATURE, "JCS(header)");
    }

    @Test
    void aSignatureFromAnotherBatchDoesNotVerify() {
        ObjectNode batch = zjBatch(Suite.SM2_SM3);
        ObjectNode other = new BatchSigner(zj(Suite.SM2_SM3)).sign("other", NodeCode.ZJ, Dataset.PENALTY, 4,
                CREATED, records(NodeCode.ZJ, Dataset.PENALTY, 4));
        batch.set("signature", other.get("signature"));
        assertProblem(batch, BatchProblem.BAD_SIGNATURE, "does not verify");
    }

    @Test
    void addedRemovedOrReorderedRecords() {
        ObjectNode added = zjBatch(Suite.SM2_SM3);
        recs(added).add(record(NodeCode.ZJ, Dataset.PENALTY, "extra"));
        assertProblem(added, BatchProblem.COUNT_MISMATCH, "header.count is 4 but the batch has 5 records");

        ObjectNode addedAndCounted = zjBatch(Suite.SM2_SM3);
        recs(addedAndCounted).add(record(NodeCode.ZJ, Dataset.PENALTY, "extra"));
        header(addedAndCounted).put("count", 5);
        assertProblem(addedAndCounted, BatchProblem.MERKLE_ROOT_MISMATCH, "merkleRoot mismatch");

        ObjectNode removed = zjBatch(Suite.SM2_SM3);
        recs(removed).remove(0);
        assertProblem(removed, BatchProblem.COUNT_MISMATCH, "has 3 records");

        ObjectNode reordered = zjBatch(Suite.ES256);
        JsonNode first = recs(reordered).remove(0);
        recs(reordered).add(first);
        assertProblem(reordered, BatchProblem.MERKLE_ROOT_MISMATCH, "merkleRoot mismatch");
    }

    @Test
    void countMismatch() {
        ObjectNode batch = zjBatch(Suite.SM2_SM3);
        header(batch).put("count", 40);
        assertProblem(batch, BatchProblem.COUNT_MISMATCH, "header.count is 40");
    }

    @Test
    void recordFromAnotherSourceOrDataset() {
        ObjectNode src = zjBatch(Suite.SM2_SM3);
        recs(src).set(1, record(NodeCode.SH, Dataset.PENALTY, "K"));
        resign(src, zj(Suite.SM2_SM3));
        assertProblem(src, BatchProblem.RECORD_SOURCE_MISMATCH, "records[1] source is \"SH\", header.source is ZJ");

        ObjectNode ds = zjBatch(Suite.SM2_SM3);
        recs(ds).set(3, record(NodeCode.ZJ, Dataset.LICENSE, "K"));
        resign(ds, zj(Suite.SM2_SM3));
        assertProblem(ds, BatchProblem.RECORD_DATASET_MISMATCH, "records[3] dataset is \"license\"");
    }

    @Test
    void badRecordIdEvenWhenProperlySigned() {
        ObjectNode batch = zjBatch(Suite.SM2_SM3);
        ((ObjectNode) recs(batch).get(2)).put("sourceKey", "浙杭罚〔2026〕999号"); // id no longer derivable
        resign(batch, zj(Suite.SM2_SM3));
        assertProblem(batch, BatchProblem.BAD_RECORD_ID, "records[2] recordId");

        ObjectNode noId = zjBatch(Suite.SM2_SM3);
        ((ObjectNode) recs(noId).get(0)).remove("recordId");
        resign(noId, zj(Suite.SM2_SM3));
        assertProblem(noId, BatchProblem.BAD_RECORD_ID, "records[0] lacks a textual recordId");
    }

    @Test
    void signerCnMustBeTheSource() {
        // ZJ's records, signed with SH's (perfectly valid) key
        NodeCredentials sh = samplePki().credentials(Suite.SM2_SM3, "SH");
        ObjectNode batch = zjBatch(Suite.SM2_SM3);
        resign(batch, sh);
        assertProblem(batch, BatchProblem.SIGNER_NOT_SOURCE, "signer certificate CN=SH but header.source is ZJ");

        // an office client certificate is not a node certificate either
        ObjectNode office = zjBatch(Suite.SM2_SM3);
        resign(office, samplePki().credentials(Suite.SM2_SM3, "office-ZJ"));
        assertProblem(office, BatchProblem.SIGNER_NOT_SOURCE, "CN=office-ZJ");
    }

    @Test
    void aForeignPkiIsUntrusted() {
        NodeCredentials foreignZj = foreignPki.credentials(Suite.SM2_SM3, "ZJ");
        ObjectNode batch = new BatchSigner(foreignZj).sign("f", NodeCode.ZJ, Dataset.PENALTY, 1, CREATED,
                records(NodeCode.ZJ, Dataset.PENALTY, 2));
        assertProblem(batch, BatchProblem.UNTRUSTED_CHAIN, "does not chain to a trusted root");
        // the same batch is fine for someone who trusts that root
        assertThat(new BatchVerifier(TrustedRoots.of(foreignPki.rootCertificate(Suite.SM2_SM3))).verify(batch).valid())
                .isTrue();

        // a chain padded with the genuine sample root does not help: the link is broken
        ArrayNode certs = (ArrayNode) batch.at("/signature/certificates");
        certs.set(1, new BatchSigner(zj(Suite.SM2_SM3)).signatureOf(header(batch)).at("/certificates/1"));
        assertProblem(batch, BatchProblem.UNTRUSTED_CHAIN, "is not signed by the next certificate");
    }

    @Test
    void expiredAndNotYetValidCertificatesAreJudgedAtCreatedAt() {
        TrustedRoots expiredRoots = TrustedRoots.of(expiredPki.rootCertificate(Suite.SM2_SM3));
        BatchSigner signer = new BatchSigner(expiredPki.credentials(Suite.SM2_SM3, "ZJ"));
        List<ObjectNode> recs = records(NodeCode.ZJ, Dataset.PENALTY, 2);

        ObjectNode now = signer.sign("e", NodeCode.ZJ, Dataset.PENALTY, 1, CREATED, recs);
        BatchVerification v = new BatchVerifier(expiredRoots).verify(now);
        assertThat(v.problem()).isEqualTo(BatchProblem.CERT_EXPIRED);
        assertThat(v.detail()).contains("CN=ZJ expired at");

        // signed while the certificates were valid: still valid today
        ObjectNode back = signer.sign("e", NodeCode.ZJ, Dataset.PENALTY, 1, CREATED.minus(Duration.ofDays(900)), recs);
        assertThat(new BatchVerifier(expiredRoots).verify(back).valid()).isTrue();

        // a createdAt before the sample certificates existed
        ObjectNode early = new BatchSigner(zj(Suite.ES256)).sign("n", NodeCode.ZJ, Dataset.PENALTY, 1,
                Instant.parse("2001-01-01T00:00:00Z"), recs);
        assertProblem(early, BatchProblem.CERT_NOT_YET_VALID, "is not valid before");
    }

    @Test
    void unknownSuite() {
        ObjectNode batch = zjBatch(Suite.SM2_SM3);
        header(batch).put("suite", "RS256");
        assertProblem(batch, BatchProblem.UNKNOWN_SUITE, "unknown suite 'RS256'");
    }

    @Test
    void aSuiteThatDoesNotMatchTheKeyIsABadSignature() {
        ObjectNode batch = zjBatch(Suite.SM2_SM3);
        header(batch).put("suite", "ES256");
        resign(batch, zj(Suite.SM2_SM3)); // SHA-256 Merkle root, but an SM2 key and signature
        assertProblem(batch, BatchProblem.BAD_SIGNATURE, "does not hold a secp256r1 key");
    }

    @Test
    void revocationHookIsConsulted() {
        RevocationCheck revokeZj = (cert, issuer, at) ->
                cert.getSubjectX500Principal().getName().contains("CN=ZJ") ? Optional.of("key compromise") : Optional.empty();
        BatchVerification v = new BatchVerifier(new TrustedRoots(sampleRoots().roots(), revokeZj))
                .verify(zjBatch(Suite.SM2_SM3));
        assertThat(v.problem()).isEqualTo(BatchProblem.REVOKED);
        assertThat(v.detail()).contains("key compromise");
    }

    @Test
    void malformedBatches() throws Exception {
        assertProblem(Json.mapper().readTree("[1,2]"), BatchProblem.MALFORMED, "not a JSON object");
        ObjectNode noHeader = zjBatch(Suite.SM2_SM3);
        noHeader.remove("header");
        assertProblem(noHeader, BatchProblem.MALFORMED, "batch.header is missing");
        ObjectNode recordsNotArray = zjBatch(Suite.SM2_SM3);
        recordsNotArray.put("records", "none");
        assertProblem(recordsNotArray, BatchProblem.MALFORMED, "records is missing or not an array");
        ObjectNode seqText = zjBatch(Suite.SM2_SM3);
        header(seqText).put("seq", "4");
        assertProblem(seqText, BatchProblem.MALFORMED, "header.seq");
        ObjectNode badDate = zjBatch(Suite.SM2_SM3);
        header(badDate).put("createdAt", "yesterday");
        assertProblem(badDate, BatchProblem.MALFORMED, "header.createdAt");
        ObjectNode upperRoot = zjBatch(Suite.SM2_SM3);
        header(upperRoot).put("merkleRoot", header(upperRoot).get("merkleRoot").textValue().toUpperCase());
        assertProblem(upperRoot, BatchProblem.MALFORMED, "lowercase hex");
        ObjectNode badBase64 = zjBatch(Suite.SM2_SM3);
        ((ObjectNode) badBase64.get("signature")).put("value", "not*base64");
        assertProblem(badBase64, BatchProblem.MALFORMED, "signature.value is not base64");
        ObjectNode badCert = zjBatch(Suite.SM2_SM3);
        ((ArrayNode) badCert.at("/signature/certificates")).set(0, Json.mapper().getNodeFactory().textNode("AAEC"));
        assertProblem(badCert, BatchProblem.MALFORMED, "signature.certificates[0]");
        ObjectNode noCerts = zjBatch(Suite.SM2_SM3);
        ((ArrayNode) noCerts.at("/signature/certificates")).removeAll();
        assertProblem(noCerts, BatchProblem.MALFORMED, "signature.certificates is missing or empty");
        ObjectNode recordNotObject = zjBatch(Suite.SM2_SM3);
        recs(recordNotObject).set(0, Json.mapper().getNodeFactory().textNode("x"));
        assertProblem(recordNotObject, BatchProblem.MALFORMED, "records[0] is not a JSON object");
        ObjectNode unknownSource = zjBatch(Suite.SM2_SM3);
        header(unknownSource).put("source", "HK");
        assertProblem(unknownSource, BatchProblem.MALFORMED, "unknown node 'HK'");
    }
}
