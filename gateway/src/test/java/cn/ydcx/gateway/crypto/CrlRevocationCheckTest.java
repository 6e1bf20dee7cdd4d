package cn.ydcx.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.batch.BatchFixtures;
import cn.ydcx.gateway.batch.BatchProblem;
import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.batch.BatchVerification;
import cn.ydcx.gateway.batch.BatchVerifier;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.pki.CrlPublisher;
import cn.ydcx.gateway.pki.PkiGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRL revocation on a fresh PKI per test: entries, reload on change, forged and stale CRLs, routine reasons. */
class CrlRevocationCheckTest {
    static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));

    @TempDir
    Path dir;
    PkiLayout pki;
    CrlRevocationCheck crl;
    BatchVerifier verifier;

    @BeforeEach
    void pki() throws Exception {
        new PkiGenerator().generate(dir, START, Duration.ofDays(365));
        pki = PkiLayout.at(dir);
        crl = new CrlRevocationCheck(pki, Clock.systemUTC());
        verifier = new BatchVerifier(new TrustedRoots(List.of(pki.rootCertificate(Suite.SM2_SM3),
                pki.rootCertificate(Suite.ES256)), crl));
    }

    private ObjectNode batch(String key, Instant createdAt) {
        return new BatchSigner(pki.credentials(Suite.SM2_SM3, key)).sign("b-" + key + createdAt, NodeCode.SH,
                Dataset.PENALTY, 1, createdAt, BatchFixtures.records(NodeCode.SH, Dataset.PENALTY, 2));
    }

    @Test
    void generatedPkiPublishesAnEmptySignedCrlPerSuite() throws Exception {
        for (Suite s : Suite.values()) {
            var holder = Crls.fromPem(pki.readCrl(s).orElseThrow());
            assertThat(Crls.checkIssuedBy(holder, pki.rootCertificate(s))).isNull();
            assertThat(holder.getRevokedCertificates()).isEmpty();
            assertThat(holder.getNextUpdate().toInstant()).isEqualTo(pki.rootCertificate(s).getNotAfter().toInstant());
        }
        assertThat(verifier.verify(batch("SH", Instant.now())).valid()).isTrue();
    }

    @Test
    void revocationIsPickedUpByTheSameInstanceWithoutReload() throws Exception {
        assertThat(verifier.verify(batch("SH", Instant.now())).valid()).isTrue();
        new CrlPublisher(dir).revoke(Suite.SM2_SM3, "SH", RevocationReason.keyCompromise, Instant.now());
        ObjectNode b = batch("SH", Instant.now().minus(Duration.ofHours(1)));
        BatchVerification v = verifier.verify(b);
        assertThat(v.problem()).isEqualTo(BatchProblem.REVOKED);
        assertThat(v.detail()).contains("CN=SH").contains("keyCompromise");
        // other certificates are untouched, and ES256 has its own list
        assertThat(crl.revoked(pki.credentials(Suite.SM2_SM3, "JS").certificate(),
                pki.rootCertificate(Suite.SM2_SM3), Instant.now())).isEmpty();
        assertThat(crl.revoked(pki.credentials(Suite.ES256, "SH").certificate(),
                pki.rootCertificate(Suite.ES256), Instant.now())).isEmpty();
    }

    @Test
    void routineRetirementKeepsEarlierSignaturesValid() throws Exception {
        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new CrlPublisher(dir).revoke(Suite.SM2_SM3, "SH", RevocationReason.superseded, revokedAt);
        assertThat(verifier.verify(batch("SH", revokedAt.minusSeconds(60))).valid()).isTrue();
        assertThat(verifier.verify(batch("SH", revokedAt.plusSeconds(1))).problem()).isEqualTo(BatchProblem.REVOKED);
    }

    @Test
    void aCrlNotSignedByTheRootFailsClosed(@TempDir Path other) throws Exception {
        new PkiGenerator().generate(other, START, Duration.ofDays(365));
        Files.copy(other.resolve("sm2/root.crl.pem"), dir.resolve("sm2/root.crl.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BatchVerification v = verifier.verify(batch("SH", Instant.now()));
        assertThat(v.problem()).isEqualTo(BatchProblem.REVOKED);
        assertThat(v.detail()).contains("revocation status unknown").contains("root.crl.pem");
    }

    @Test
    void aGarbledCrlFailsClosedAndAMissingOneRevokesNothing() throws Exception {
        Files.writeString(dir.resolve("sm2/root.crl.pem"), "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n");
        assertThat(verifier.verify(batch("SH", Instant.now())).problem()).isEqualTo(BatchProblem.REVOKED);
        Files.delete(dir.resolve("sm2/root.crl.pem"));
        assertThat(verifier.verify(batch("SH", Instant.now())).valid()).isTrue();
    }

    @Test
    void aCrlPastItsNextUpdateFailsClosedUntilRenewed() throws Exception {
        new CrlPublisher(dir).renew(Suite.SM2_SM3, Instant.now().plus(Duration.ofDays(1)));
        CrlRevocationCheck later = new CrlRevocationCheck(pki,
                Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC));
        var sh = pki.credentials(Suite.SM2_SM3, "SH").certificate();
        assertThat(later.revoked(sh, pki.rootCertificate(Suite.SM2_SM3), Instant.now()))
                .hasValueSatisfying(r -> assertThat(r).contains("due for renewal"));
        new CrlPublisher(dir).renew(Suite.SM2_SM3, Instant.now().plus(Duration.ofDays(30)));
        assertThat(later.revoked(sh, pki.rootCertificate(Suite.SM2_SM3), Instant.now())).isEmpty();
    }

    @Test
    void revokingKeepsEarlierEntriesAndCountsCrlNumbersUp() throws Exception {
        CrlPublisher pub = new CrlPublisher(dir);
        assertThat(pub.revoke(Suite.ES256, "SH", RevocationReason.unspecified, Instant.now()).crlNumber()).isEqualTo(2);
        CrlPublisher.Published second = pub.revoke(Suite.ES256, "AH", RevocationReason.unspecified, Instant.now());
        assertThat(second.crlNumber()).isEqualTo(3);
        assertThat(second.entries()).isEqualTo(2);
        CrlPublisher.Published again = pub.revoke(Suite.ES256, "AH", RevocationReason.unspecified, Instant.now());
        assertThat(again.added()).isFalse();
        assertThat(crl.entries(Suite.ES256)).containsKeys(pki.credentials(Suite.ES256, "SH").certificate().getSerialNumber(),
                pki.credentials(Suite.ES256, "AH").certificate().getSerialNumber());
    }

    @Test
    void rotationOverlapThenOnlyTheNewKey() throws Exception {
        new PkiGenerator().issue(dir, Suite.SM2_SM3, "SH", "SH.next", START, Duration.ofDays(30));
        var next = pki.credentials(Suite.SM2_SM3, "SH.next");
        assertThat(Certs.commonName(next.certificate())).isEqualTo("SH");
        assertThat(next.certificate().getSerialNumber())
                .isNotEqualTo(pki.credentials(Suite.SM2_SM3, "SH").certificate().getSerialNumber());
        assertThat(verifier.verify(batch("SH", Instant.now())).valid()).isTrue();
        assertThat(verifier.verify(batch("SH.next", Instant.now())).valid()).isTrue();
        new CrlPublisher(dir).revoke(Suite.SM2_SM3, "SH", RevocationReason.keyCompromise, Instant.now());
        assertThat(verifier.verify(batch("SH", Instant.now())).problem()).isEqualTo(BatchProblem.REVOKED);
        assertThat(verifier.verify(batch("SH.next", Instant.now())).valid()).isTrue();
    }
}
