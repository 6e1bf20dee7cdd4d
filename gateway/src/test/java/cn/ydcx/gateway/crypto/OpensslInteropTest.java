package cn.ydcx.gateway.crypto;

import static cn.ydcx.gateway.batch.BatchFixtures.records;
import static cn.ydcx.gateway.batch.BatchFixtures.samplePki;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4: "anyone must be able to check a batch with stock tools". Runs the real openssl
 * binary (fails, does not skip, when it is missing: CI installs it).
 */
class OpensslInteropTest {
    private static final String OPENSSL = "/usr/bin/openssl";

    @TempDir
    Path tmp;

    record Result(int exit, String output) {
    }

    private static Result openssl(Path dir, String... args) throws IOException, InterruptedException {
        assertThat(Path.of(OPENSSL)).as("openssl binary (install the openssl package)").isExecutable();
        List<String> cmd = new ArrayList<>();
        cmd.add(OPENSSL);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** Writes header.jcs, sig.der and pub.pem exactly as a third party would extract them. */
    private void extract(ObjectNode batch) throws IOException {
        Files.write(tmp.resolve("header.jcs"), Jcs.canonicalize(batch.get("header")));
        Files.write(tmp.resolve("sig.der"), Base64.getDecoder().decode(batch.at("/signature/value").textValue()));
        X509Certificate signer = Pem.certificateFromDer(
                Base64.getDecoder().decode(batch.at("/signature/certificates/0").textValue()));
        Files.writeString(tmp.resolve("pub.pem"), Pem.publicKeyToPem(signer.getPublicKey()));
    }

    private void corruptOneByte() throws IOException {
        byte[] h = Files.readAllBytes(tmp.resolve("header.jcs"));
        h[h.length / 2] ^= 0x01;
        Files.write(tmp.resolve("header.jcs"), h);
    }

    @Test
    void opensslVerifiesAnSm2Sm3BatchSignature() throws Exception {
        ObjectNode batch = new BatchSigner(samplePki().credentials(Suite.SM2_SM3, "ZJ"))
                .sign("ossl-sm2", NodeCode.ZJ, Dataset.PENALTY, 1, Instant.now(), records(NodeCode.ZJ, Dataset.PENALTY, 3));
        extract(batch);
        String[] args = {"dgst", "-sm3", "-verify", "pub.pem", "-sigopt", "distid:1234567812345678",
            "-signature", "sig.der", "header.jcs"};
        Result ok = openssl(tmp, args);
        assertThat(ok.output()).contains("Verified OK");
        assertThat(ok.exit()).isZero();

        corruptOneByte();
        Result bad = openssl(tmp, args);
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.output()).contains("Verification failure");
    }

    @Test
    void opensslVerifiesAnEs256BatchSignature() throws Exception {
        ObjectNode batch = new BatchSigner(samplePki().credentials(Suite.ES256, "SH"))
                .sign("ossl-es", NodeCode.SH, Dataset.LICENSE, 1, Instant.now(), records(NodeCode.SH, Dataset.LICENSE, 3));
        extract(batch);
        String[] args = {"dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.der", "header.jcs"};
        Result ok = openssl(tmp, args);
        assertThat(ok.output()).contains("Verified OK");
        assertThat(ok.exit()).isZero();

        corruptOneByte();
        Result bad = openssl(tmp, args);
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.output()).contains("Verification failure");
    }

    @Test
    void opensslChainsEs256NodeCertificatesToTheRoot() throws Exception {
        Path es = Path.of("certs-sample/es256").toAbsolutePath();
        for (String name : List.of("REGION", "SH", "JS", "ZJ", "AH", "auditor", "office-ZJ")) {
            Result r = openssl(es, "verify", "-CAfile", "root.crt.pem", name + ".crt.pem");
            assertThat(r.output()).as(name).contains(name + ".crt.pem: OK");
            assertThat(r.exit()).isZero();
        }
        // and refuses a certificate of the SM2 hierarchy against the ES256 root
        Result wrong = openssl(es, "verify", "-CAfile", "root.crt.pem", "../sm2/ZJ.crt.pem");
        assertThat(wrong.exit()).isNotZero();
    }

    /**
     * OpenSSL 3.0 verifies SM3withSM2 certificate signatures only when told the SM2 ID that
     * signed them (the GM/T default, 1234567812345678); without it, it computes Z with an
     * empty ID and reports a signature failure. Both behaviours are asserted so a change in
     * either openssl or the generator shows up here.
     */
    @Test
    void opensslChainsSm2NodeCertificatesToTheRootWithTheDefaultSm2Id() throws Exception {
        Path sm2 = Path.of("certs-sample/sm2").toAbsolutePath();
        Result r = openssl(sm2, "verify", "-vfyopt", "distid:1234567812345678", "-CAfile", "root.crt.pem", "ZJ.crt.pem");
        assertThat(r.output()).contains("ZJ.crt.pem: OK");
        assertThat(r.exit()).isZero();

        Result noId = openssl(sm2, "verify", "-CAfile", "root.crt.pem", "ZJ.crt.pem");
        assertThat(noId.exit()).isNotZero();
    }

    @Test
    void opensslReadsTheSampleKeysDespiteTheLeadingWarningLine() throws Exception {
        for (String suiteDir : List.of("sm2", "es256")) {
            Path dir = Path.of("certs-sample", suiteDir).toAbsolutePath();
            assertThat(Files.readAllLines(dir.resolve("ZJ.key.pem")).get(0)).startsWith("SAMPLE KEY");
            Result key = openssl(dir, "pkey", "-in", "ZJ.key.pem", "-pubout");
            assertThat(key.exit()).as(key.output()).isZero();
            Result cert = openssl(dir, "x509", "-in", "ZJ.crt.pem", "-pubkey", "-noout");
            // the public key derived from the private key is the one in the certificate
            assertThat(key.output()).isEqualTo(cert.output());
        }
    }
}
