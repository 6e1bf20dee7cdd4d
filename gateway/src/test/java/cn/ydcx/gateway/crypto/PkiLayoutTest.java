package cn.ydcx.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PkiLayoutTest {
    @Test
    void fileAndClasspathLayoutsGiveTheSameMaterial() {
        PkiLayout files = PkiLayout.resolve("certs-sample");
        PkiLayout cp = PkiLayout.resolve("classpath:certs-sample");
        for (Suite s : Suite.values()) {
            assertThat(cp.rootCertificate(s)).isEqualTo(files.rootCertificate(s));
            NodeCredentials a = files.credentials(s, "JS");
            NodeCredentials b = cp.credentials(s, "JS");
            assertThat(b.chain()).isEqualTo(a.chain());
            assertThat(b.privateKey().getEncoded()).isEqualTo(a.privateKey().getEncoded());
            assertThat(a.suite()).isEqualTo(s);
            assertThat(a.name()).isEqualTo("JS");
        }
    }

    @Test
    void trustedRootsFromLayoutOrPemFiles() throws Exception {
        PkiLayout files = PkiLayout.at(Path.of("certs-sample"));
        TrustedRoots both = TrustedRoots.fromLayout(files);
        assertThat(both.roots()).containsExactly(files.rootCertificate(Suite.SM2_SM3), files.rootCertificate(Suite.ES256));
        TrustedRoots es = TrustedRoots.fromPem(Path.of("certs-sample/es256/root.crt.pem"));
        java.time.Instant now = java.time.Instant.now();
        assertThat(es.check(files.credentials(Suite.ES256, "AH").chain(), now).ok()).isTrue();
        ChainCheck sm2 = es.check(files.credentials(Suite.SM2_SM3, "AH").chain(), now);
        assertThat(sm2.problem()).isEqualTo(ChainProblem.UNTRUSTED_CHAIN);
        assertThat(sm2.detail()).contains("does not chain to a trusted root");
        assertThat(both.check(java.util.List.of(), now).problem()).isEqualTo(ChainProblem.UNTRUSTED_CHAIN);
    }

    @Test
    void locationsAreSpringResourceStrings() {
        Path abs = Path.of("certs-sample").toAbsolutePath();
        PkiLayout files = PkiLayout.at(Path.of("certs-sample"));
        assertThat(files.certificateLocation(Suite.ES256, "ZJ")).isEqualTo("file:" + abs.resolve("es256/ZJ.crt.pem"));
        assertThat(files.privateKeyLocation(Suite.ES256, "ZJ")).isEqualTo("file:" + abs.resolve("es256/ZJ.key.pem"));
        assertThat(files.rootLocation(Suite.SM2_SM3)).isEqualTo("file:" + abs.resolve("sm2/root.crt.pem"));
        PkiLayout cp = PkiLayout.resolve("classpath:certs-sample");
        assertThat(cp.certificateLocation(Suite.ES256, "ZJ")).isEqualTo("classpath:certs-sample/es256/ZJ.crt.pem");
        assertThat(cp.rootLocation(Suite.ES256)).isEqualTo("classpath:certs-sample/es256/root.crt.pem");
        assertThat(PkiLayout.resolve("file:" + abs).directory()).isEqualTo(abs);
    }

    @Test
    void missingFilesAndBadNamesAreNamed() {
        PkiLayout files = PkiLayout.at(Path.of("certs-sample"));
        assertThatThrownBy(() -> files.credentials(Suite.ES256, "HK"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("es256/HK.crt.pem");
        assertThatThrownBy(() -> files.credentials(Suite.ES256, "../es256/ZJ"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid PKI entity name");
        assertThatThrownBy(() -> PkiLayout.resolve("classpath:nowhere").rootCertificate(Suite.SM2_SM3))
                .hasMessageContaining("classpath:nowhere/sm2/root.crt.pem");
    }

    @Test
    void pemToleratesLeadingTextAndRefusesOtherKeyFormats() throws Exception {
        NodeCredentials zj = PkiLayout.at(Path.of("certs-sample")).credentials(Suite.SM2_SM3, "ZJ");
        String pem = "Some explanation\nover two lines\n" + Pem.privateKeyToPem(zj.privateKey()) + "trailing\n";
        assertThat(Pem.readPrivateKey(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getEncoded())
                .isEqualTo(zj.privateKey().getEncoded());
        String sec1 = "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n";
        assertThatThrownBy(() -> Pem.readPrivateKey(new ByteArrayInputStream(sec1.getBytes(StandardCharsets.US_ASCII))))
                .hasMessageContaining("PKCS#8");
        String certs = "note\n" + Pem.certificateToPem(zj.chain().get(0)) + "between\n" + Pem.certificateToPem(zj.chain().get(1));
        assertThat(Pem.readCertificates(new ByteArrayInputStream(certs.getBytes(StandardCharsets.US_ASCII))))
                .containsExactlyElementsOf(zj.chain());
    }

    @Test
    void suiteNamesAndErrors() {
        assertThat(Suite.of("SM2-SM3")).isEqualTo(Suite.SM2_SM3);
        assertThat(Suite.of("ES256").dirName()).isEqualTo("es256");
        assertThat(Suite.SM2_SM3.dirName()).isEqualTo("sm2");
        assertThatThrownBy(() -> Suite.of("sm2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown suite 'sm2'");
        NodeCredentials sm2 = PkiLayout.at(Path.of("certs-sample")).credentials(Suite.SM2_SM3, "AH");
        byte[] sig = Suite.SM2_SM3.sign(sm2.privateKey(), "data".getBytes());
        assertThat(Suite.SM2_SM3.verify(sm2.certificate().getPublicKey(), "data".getBytes(), sig)).isTrue();
        assertThat(Suite.SM2_SM3.verify(sm2.certificate().getPublicKey(), "Data".getBytes(), sig)).isFalse();
        assertThat(Suite.SM2_SM3.verify(sm2.certificate().getPublicKey(), "data".getBytes(), new byte[] {1, 2})).isFalse();
        // an SM2 key does not pass for an ES256 one even though both are EC keys
        assertThat(Suite.ES256.verify(sm2.certificate().getPublicKey(), "data".getBytes(), sig)).isFalse();
    }
}
