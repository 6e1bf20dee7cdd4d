package cn.ydcx.gateway.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.cli.GatewayCli;
import cn.ydcx.gateway.crypto.CrlRevocationCheck;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.SamplePkiCopy;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.NodeLauncher;
import cn.ydcx.gateway.node.NodeProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;

/**
 * PeerClient against a real HTTPS server on loopback that presents SH's certificate and keeps
 * connections alive: once SH is on the CRL, the next answer is refused even though it comes
 * over the connection opened (and verified) before the revocation.
 */
class PeerClientRevocationTest {

    @TempDir
    Path tmp;

    PkiLayout pki;
    SSLServerSocket server;
    final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        pki = PkiLayout.at(SamplePkiCopy.to(tmp.resolve("pki")));
        server = (SSLServerSocket) bundle("SH").createSslContext().getServerSocketFactory().createServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers every request on the connection with 200 "ok" and keeps it open. */
    private static void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = s.getOutputStream()) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away or refused the handshake
        }
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private SslBundle bundle(String identity) {
        return SamplePkiCopy.tlsBundle(pki, identity);
    }

    @Test
    void answerOverAConnectionOpenedBeforeTheRevocationIsRefused() throws Exception {
        NodeProperties props = new NodeProperties(NodeCode.JS, "SM2-SM3", tmp.resolve("data"), tmp.toString(),
                Map.of("SH", "https://127.0.0.1:" + server.getLocalPort()), 10_000, 100_000, 1L << 28,
                new NodeProperties.Delivery(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), 500),
                new NodeProperties.CatchUp(2000, Duration.ofSeconds(5), Duration.ofSeconds(60), 8), null,
                new NodeProperties.Database(5000, 3, false));
        PeerClient client = new PeerClient(new PeerTls(new DefaultSslBundleRegistry(NodeLauncher.TLS_BUNDLE, bundle("JS")),
                new CrlRevocationCheck(pki, Clock.systemUTC())), props);

        assertThat(client.get("SH", "/actuator/health").get(10, TimeUnit.SECONDS).body()).isEqualTo("ok");
        assertThat(client.get("SH", "/actuator/health").get(10, TimeUnit.SECONDS).body()).isEqualTo("ok");
        assertThat(connections).as("the second request reused the kept-alive connection").hasValue(1);

        assertThat(GatewayCli.run("pki", "revoke", "--name", "SH", "--certs", pki.directory().toString(),
                "--reason", "keyCompromise")).isZero();

        assertThatThrownBy(() -> client.get("SH", "/actuator/health").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(PeerClient.RevokedPeerException.class)
                .hasMessageContaining("server certificate CN=SH is revoked")
                .hasMessageContaining("keyCompromise");
    }
}
