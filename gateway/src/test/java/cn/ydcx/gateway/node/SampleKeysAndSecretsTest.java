package cn.ydcx.gateway.node;

import cn.ydcx.gateway.crypto.SamplePkiCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.Pem;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.NodeCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys stay out of strings and messages; sample keys only where a demo or test says so. */
class SampleKeysAndSecretsTest {

    @TempDir
    Path tmp;
    Path copy;

    @BeforeEach
    void copySamplePki() throws IOException {
        copy = SamplePkiCopy.to(tmp.resolve("pki"));
    }

    @Test
    void credentialsNeverPrintTheKey() {
        NodeCredentials creds = PkiLayout.at(copy).credentials(Suite.SM2_SM3, "ZJ");
        ECPrivateKey key = (ECPrivateKey) creds.privateKey();
        String s = creds.toString();
        assertThat(s).contains("ZJ").contains("<hidden>")
                .doesNotContain(key.getS().toString(16)).doesNotContain(key.getS().toString())
                .doesNotContain(Base64.getEncoder().encodeToString(key.getEncoded()).substring(40, 80));
    }

    @Test
    void aBrokenKeyFileIsNamedButItsContentIsNotEchoed() throws Exception {
        Path keyFile = copy.resolve("sm2/ZJ.key.pem");
        byte[] der = Pem.blocks(Files.readString(keyFile)).get(0).der();
        der[der.length - 40] ^= 0x5a; // corrupt the key structure, keep the base64 valid
        der[8] ^= 0x7f;
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> Pem.readPrivateKey(keyFile)).isInstanceOf(IOException.class)
                .satisfies(e -> assertNoKeyMaterial(e, body));
        assertThatThrownBy(() -> PkiLayout.at(copy).credentials(Suite.SM2_SM3, "ZJ"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("ZJ.key.pem")
                .satisfies(e -> assertNoKeyMaterial(e, body));
    }

    @Test
    void aNonEcKeyIsRefusedWithoutEchoingIt() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        String pem = Pem.privateKeyToPem(rsa.generateKeyPair().getPrivate());
        Path keyFile = copy.resolve("es256/AH.key.pem");
        Files.writeString(keyFile, pem);
        String body = pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        assertThatThrownBy(() -> Pem.readPrivateKey(keyFile)).hasMessageContaining("not a PKCS#8 EC key")
                .satisfies(e -> assertNoKeyMaterial(e, body));
    }

    private static void assertNoKeyMaterial(Throwable e, String base64Body) {
        String flat = base64Body.replace("\n", "");
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            for (int i = 0; i + 16 <= flat.length(); i += 16) {
                assertThat(m).doesNotContain(flat.substring(i, i + 16));
            }
        }
    }

    @Test
    void sampleKeysAreMarkedAndRefusedOutsideDemoAndTest() throws Exception {
        PkiLayout pki = PkiLayout.at(copy);
        assertThat(pki.isSampleKey(Suite.ES256, "ZJ")).isTrue();
        List<Suite> both = List.of(Suite.SM2_SM3, Suite.ES256);
        assertThatThrownBy(() -> SampleKeyPolicy.enforce(pki, "ZJ", both, new String[] {"prod"}, false, "ZJ"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node ZJ refuses to start with SAMPLE keys")
                .hasMessageContaining(copy.resolve("sm2/ZJ.key.pem").toString())
                .hasMessageContaining("gateway.allow-sample-keys=true")
                .hasMessageContaining("spring.profiles.active=demo");
        assertThatCode(() -> SampleKeyPolicy.enforce(pki, "ZJ", both, new String[] {"demo"}, false, "ZJ"))
                .doesNotThrowAnyException();
        assertThatCode(() -> SampleKeyPolicy.enforce(pki, "ZJ", both, new String[] {"test"}, false, "ZJ"))
                .doesNotThrowAnyException();
        assertThatCode(() -> SampleKeyPolicy.enforce(pki, "ZJ", both, new String[0], true, "ZJ"))
                .doesNotThrowAnyException();
        // a key without the marker (a real deployment's key) is not a sample key
        for (Suite s : both) {
            Path f = copy.resolve(s.dirName()).resolve("ZJ.key.pem");
            Files.writeString(f, Files.readString(f).lines().filter(l -> !l.startsWith("SAMPLE KEY"))
                    .reduce("", (a, b) -> a + b + "\n"), StandardCharsets.US_ASCII);
        }
        assertThat(pki.isSampleKey(Suite.ES256, "ZJ")).isFalse();
        assertThatCode(() -> SampleKeyPolicy.enforce(pki, "ZJ", both, new String[0], false, "ZJ"))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyTheShippedSamplePkiIsAllowedAutomatically() {
        assertThat(NodeLauncher.isSamplePki("certs-sample")).isTrue();
        assertThat(NodeLauncher.isSamplePki("classpath:certs-sample")).isTrue();
        assertThat(NodeLauncher.isSamplePki(copy.toString())).isFalse();
        assertThat(NodeLauncher.defaults(NodeCode.ZJ, 1, tmp, "certs-sample", Map.of()))
                .containsEntry("gateway.allow-sample-keys", "true");
        assertThat(NodeLauncher.defaults(NodeCode.ZJ, 1, tmp, copy.toString(), Map.of()))
                .doesNotContainKey("gateway.allow-sample-keys");
    }

    @Test
    void aNodeWithSampleKeysOutsideTheSamplePkiRefusesToStart() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, Object> props = NodeLauncher.defaults(NodeCode.ZJ, port, tmp.resolve("data"), copy.toString(),
                Map.of());
        assertThatThrownBy(() -> NodeLauncher.start(props).close())
                .rootCause().hasMessageContaining("node ZJ refuses to start with SAMPLE keys");
    }
}
