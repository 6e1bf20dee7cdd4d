package cn.ydcx.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.crypto.Certs;
import cn.ydcx.gateway.crypto.ChainCheck;
import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.ssl.pem.PemSslStore;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

class PkiGeneratorTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final Instant NOT_BEFORE = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    static Path out;
    static PkiLayout pki;

    @BeforeAll
    static void generate() throws Exception {
        new PkiGenerator().generate(out, NOT_BEFORE, Duration.ofDays(3650));
        pki = PkiLayout.at(out);
    }

    @Test
    void writesEveryFileForBothSuites() {
        for (Suite s : Suite.values()) {
            assertThat(out.resolve(s.dirName()).resolve("root.crt.pem")).isRegularFile();
            assertThat(out.resolve(s.dirName()).resolve("root.key.pem")).isRegularFile();
            for (String name : List.of("REGION", "SH", "JS", "ZJ", "AH", "auditor", "office-SH", "office-JS",
                    "office-ZJ", "office-AH")) {
                assertThat(out.resolve(s.dirName()).resolve(name + ".crt.pem")).isRegularFile();
                assertThat(out.resolve(s.dirName()).resolve(name + ".key.pem")).isRegularFile();
            }
        }
        assertThat(PkiGenerator.entityNames()).hasSize(10);
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void rootIsASelfSignedCa(Suite suite) throws Exception {
        X509Certificate root = pki.rootCertificate(suite);
        assertThat(Certs.commonName(root)).isEqualTo(PkiGenerator.rootCommonName(suite));
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        boolean[] ku = root.getKeyUsage();
        assertThat(ku[5]).as("keyCertSign").isTrue();
        assertThat(ku[6]).as("cRLSign").isTrue();
        assertThat(root.getSigAlgName()).containsIgnoringCase(suite == Suite.SM2_SM3 ? "SM2" : "ECDSA");
        assertThat(suite.acceptsKey(root.getPublicKey())).isTrue();
        assertThat(root.getNotBefore().toInstant()).isEqualTo(NOT_BEFORE);
        assertThat(root.getNotAfter().toInstant()).isEqualTo(NOT_BEFORE.plus(Duration.ofDays(3650)));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void nodeCertificatesServeAndAuthenticateOnLoopback(Suite suite) throws Exception {
        NodeCredentials zj = pki.credentials(suite, "ZJ");
        X509Certificate cert = zj.certificate();
        assertThat(Certs.commonName(cert)).isEqualTo("ZJ");
        assertThat(cert.getSubjectX500Principal().getName()).contains("O=" + PkiGenerator.ORGANISATION);
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(cert.getSubjectAlternativeNames().stream().map(san -> san.get(0) + ":" + san.get(1)).toList())
                .containsExactlyInAnyOrder("2:localhost", "7:127.0.0.1");
        assertThat(new TrustedRoots(List.of(pki.rootCertificate(suite))).check(zj.chain(), Instant.now()))
                .isEqualTo(ChainCheck.passed());
        // the key pair matches
        byte[] sig = suite.sign(zj.privateKey(), "x".getBytes());
        assertThat(suite.verify(cert.getPublicKey(), "x".getBytes(), sig)).isTrue();
    }

    @Test
    void officeAndAuditorCertificatesAreClientOnly() throws Exception {
        for (String name : List.of("auditor", "office-SH", "office-AH")) {
            X509Certificate c = pki.credentials(Suite.ES256, name).certificate();
            assertThat(Certs.commonName(c)).isEqualTo(name);
            assertThat(c.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        }
    }

    @Test
    void keyFilesStartWithTheSampleWarning() throws Exception {
        for (Suite s : Suite.values()) {
            List<String> lines = Files.readAllLines(out.resolve(s.dirName()).resolve("SH.key.pem"));
            assertThat(lines.get(0)).isEqualTo(PkiGenerator.KEY_WARNING);
            assertThat(lines.get(1)).isEqualTo("-----BEGIN PRIVATE KEY-----");
        }
    }

    /** Spring Boot's PEM SSL bundle parser reads the ES256 files, warning line and all. */
    @Test
    void springBootPemSslBundleLoadsTheEs256Files() throws Exception {
        PkiLayout sample = PkiLayout.resolve("classpath:certs-sample");
        for (PkiLayout layout : List.of(pki, sample)) {
            PemSslStoreDetails details = PemSslStoreDetails.forCertificate(layout.certificateLocation(Suite.ES256, "ZJ"))
                    .withPrivateKey(layout.privateKeyLocation(Suite.ES256, "ZJ"));
            PemSslStore store = PemSslStore.load(details);
            assertThat(store.privateKey()).isNotNull();
            assertThat(store.privateKey().getAlgorithm()).isEqualTo("EC");
            assertThat(store.certificates()).hasSize(1);
            assertThat(Certs.commonName(store.certificates().get(0))).isEqualTo("ZJ");

            PemSslStoreBundle bundle = new PemSslStoreBundle(details,
                    PemSslStoreDetails.forCertificate(layout.rootLocation(Suite.ES256)));
            KeyStore ks = bundle.getKeyStore();
            assertThat(ks.size()).isEqualTo(1);
            assertThat(bundle.getTrustStore().size()).isEqualTo(1);
        }
    }

    @Test
    void committedSampleIsValidForYearsAndMatchesTheLayout() {
        PkiLayout sample = PkiLayout.at(Path.of("certs-sample"));
        for (Suite s : Suite.values()) {
            X509Certificate root = sample.rootCertificate(s);
            assertThat(root.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(5 * 365)));
            for (String name : PkiGenerator.entityNames()) {
                NodeCredentials c = sample.credentials(s, name);
                assertThat(Certs.commonName(c.certificate())).isEqualTo(name);
                assertThat(new TrustedRoots(List.of(root)).check(c.chain(), Instant.now()).ok()).as(name).isTrue();
            }
        }
        assertThat(Path.of("certs-sample/README.md")).content().contains("SAMPLE").contains("pki init --out certs-sample");
    }
}
