package cn.ydcx.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.cli.GatewayCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.SslBundle;

/**
 * A node's outgoing TLS (what PeerClient builds) against a real TLS server on loopback that
 * presents the SH certificate: accepted, then refused in the handshake once SH is on the CRL.
 * Each connection gets a fresh client context, so no TLS session is resumed (a resumed session
 * skips certificate checks; PeerClient checks every answer's peer certificate for that case).
 */
class RevocationAwareTrustManagerTest {

    @TempDir
    Path tmp;

    PkiLayout pki;
    SSLServerSocket server;
    Thread acceptor;

    @BeforeEach
    void startServer() throws Exception {
        pki = PkiLayout.at(SamplePkiCopy.to(tmp));
        server = (SSLServerSocket) bundle("SH").createSslContext().getServerSocketFactory().createServerSocket(0);
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    s.getOutputStream().write(1);
                } catch (IOException e) {
                    // a refused handshake ends that connection only
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private SslBundle bundle(String identity) {
        return SamplePkiCopy.tlsBundle(pki, identity);
    }

    private int connect(SSLContext client) throws IOException {
        try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
            s.startHandshake();
            try (InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                return in.read();
            }
        }
    }

    private SSLContext client(CrlRevocationCheck crl) throws Exception {
        SslBundle js = bundle("JS");
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(js.getManagers().getKeyManagers(),
                RevocationAwareTrustManager.wrap(js.getManagers().getTrustManagers(), crl::listedNow), null);
        return client;
    }

    @Test
    void serverWithARevokedCertificateFailsTheHandshake() throws Exception {
        CrlRevocationCheck crl = new CrlRevocationCheck(pki, Clock.systemUTC());
        assertThat(connect(client(crl))).isEqualTo(1);

        assertThat(GatewayCli.run("pki", "revoke", "--name", "SH", "--certs", tmp.toString(),
                "--reason", "keyCompromise")).isZero();

        assertThatThrownBy(() -> connect(client(crl)))
                .isInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("peer certificate CN=SH")
                .hasStackTraceContaining("is revoked")
                .hasStackTraceContaining("keyCompromise");
        // another peer's certificate is still fine: the CRL names SH only
        assertThat(crl.listedNow(pki.credentials(Suite.ES256, "ZJ").certificate())).isEmpty();
        assertThat(crl.listedNow(pki.credentials(Suite.ES256, "SH").certificate())).isPresent();
    }
}
