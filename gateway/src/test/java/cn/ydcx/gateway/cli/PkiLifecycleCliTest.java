package cn.ydcx.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.crypto.Crls;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.pki.PkiGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pki issue / revoke / crl} through GatewayCli.run, on a temporary PKI. */
class PkiLifecycleCliTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void setUp() throws Exception {
        new PkiGenerator().generate(dir, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(400));
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        return GatewayCli.run(args);
    }

    @Test
    void revokeAddsTheSerialOnceAndNamesMissingCertificates() throws Exception {
        assertThat(run("pki", "revoke", "--name", "AH", "--certs", dir.toString(), "--suite", "ES256",
                "--reason", "keyCompromise")).isZero();
        String serial = PkiLayout.at(dir).credentials(Suite.ES256, "AH").certificate().getSerialNumber().toString(16);
        var crl = Crls.fromPem(PkiLayout.at(dir).readCrl(Suite.ES256).orElseThrow());
        assertThat(crl.getRevokedCertificates()).hasSize(1);
        assertThat(crl.getRevokedCertificate(new java.math.BigInteger(serial, 16))).isNotNull();
        assertThat(Crls.fromPem(PkiLayout.at(dir).readCrl(Suite.SM2_SM3).orElseThrow()).getRevokedCertificates())
                .as("--suite ES256 leaves the SM2 list alone").isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("AH revoked (keyCompromise)");

        assertThat(run("pki", "revoke", "--name", "AH", "--certs", dir.toString(), "--suite", "ES256")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("AH was already revoked");

        assertThat(run("pki", "revoke", "--name", "XX", "--certs", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pki revoke: no such file").contains("XX.crt.pem");
        assertThat(run("pki", "revoke", "--name", "AH", "--certs", dir.toString(), "--reason", "bogus")).isEqualTo(2);
    }

    @Test
    void issueWritesANewCertificateForTheSameCnAndNeverOverwrites() {
        assertThat(run("pki", "issue", "--name", "JS", "--certs", dir.toString())).isZero();
        PkiLayout pki = PkiLayout.at(dir);
        for (Suite s : Suite.values()) {
            assertThat(pki.credentials(s, "JS.next").certificate().getSubjectX500Principal().getName()).contains("CN=JS");
            assertThat(pki.isSampleKey(s, "JS.next")).isTrue();
        }
        assertThat(run("pki", "issue", "--name", "JS", "--certs", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to overwrite");
        assertThat(run("pki", "issue", "--name", "nobody", "--certs", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown PKI entity 'nobody'");
        assertThat(run("pki", "issue", "--name", "JS", "--out-name", "../evil", "--certs", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid PKI entity name");
    }

    @Test
    void crlRenewsNextUpdateKeepingEntries() throws Exception {
        assertThat(run("pki", "revoke", "--name", "SH", "--certs", dir.toString())).isZero();
        assertThat(run("pki", "crl", "--certs", dir.toString(), "--days", "7")).isZero();
        for (Suite s : Suite.values()) {
            var crl = Crls.fromPem(PkiLayout.at(dir).readCrl(s).orElseThrow());
            assertThat(crl.getRevokedCertificates()).hasSize(1);
            assertThat(crl.getNextUpdate().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(6)),
                    Instant.now().plus(Duration.ofDays(8)));
            assertThat(Crls.checkIssuedBy(crl, PkiLayout.at(dir).rootCertificate(s))).isNull();
        }
    }
}
