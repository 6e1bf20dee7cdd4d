package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.crypto.Certs;
import cn.ydcx.gateway.crypto.CrlRevocationCheck;
import cn.ydcx.gateway.crypto.RevocationAwareTrustManager;
import cn.ydcx.gateway.node.NodeLauncher;
import cn.ydcx.gateway.node.NodeProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * HTTPS client to the other nodes, presenting this node's certificate (mutual TLS) and trusting
 * only the regional root: the same TLS bundle as the node's own server. A peer whose server
 * certificate is on the current CRL fails the handshake ({@link RevocationAwareTrustManager});
 * because a kept-alive connection or a resumed TLS session skips that check, every answer's peer
 * certificate is checked again before anyone sees the answer.
 */
@Component
public class PeerClient {

    private final HttpClient http;
    private final NodeProperties props;
    private final CrlRevocationCheck crl;

    public PeerClient(SslBundles bundles, NodeProperties props, CrlRevocationCheck crl) {
        this.props = props;
        this.crl = crl;
        this.http = HttpClient.newBuilder()
                .sslContext(sslContext(bundles.getBundle(NodeLauncher.TLS_BUNDLE), crl))
                .connectTimeout(props.delivery().timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static SSLContext sslContext(SslBundle bundle, CrlRevocationCheck crl) {
        try {
            SSLContext ssl = SSLContext.getInstance(bundle.getProtocol());
            ssl.init(bundle.getManagers().getKeyManagers(),
                    RevocationAwareTrustManager.wrap(bundle.getManagers().getTrustManagers(), crl::listedNow), null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the TLS context for peers: " + e.getMessage(), e);
        }
    }

    public URI peerUri(String peer, String path) {
        String base = props.peers().get(peer);
        if (base == null) {
            throw new IllegalArgumentException("no URL configured for peer " + peer
                    + " (set gateway.peers." + peer + ")");
        }
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    public CompletableFuture<HttpResponse<String>> postJson(String peer, String path, String body) {
        HttpRequest req = HttpRequest.newBuilder(peerUri(peer, path))
                .timeout(props.delivery().timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).thenApply(this::fromUnrevokedPeer);
    }

    public CompletableFuture<HttpResponse<String>> get(String peer, String pathAndQuery) {
        HttpRequest req = HttpRequest.newBuilder(peerUri(peer, pathAndQuery))
                .timeout(props.delivery().timeout())
                .GET()
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).thenApply(this::fromUnrevokedPeer);
    }

    /** The answer, unless the server's certificate has been revoked since the handshake. */
    private HttpResponse<String> fromUnrevokedPeer(HttpResponse<String> resp) {
        resp.sslSession().ifPresent(session -> {
            try {
                if (session.getPeerCertificates()[0] instanceof X509Certificate server) {
                    crl.listedNow(server).ifPresent(why -> {
                        throw new RevokedPeerException("answer from " + resp.uri().getAuthority()
                                + " refused: server certificate " + Certs.label(server) + " is revoked: " + why);
                    });
                }
            } catch (SSLPeerUnverifiedException e) {
                throw new RevokedPeerException("answer from " + resp.uri().getAuthority()
                        + " refused: the server's certificate is unknown");
            }
        });
        return resp;
    }

    /** The peer's server certificate is on the CRL (or unknown): its answer was not used. */
    public static final class RevokedPeerException extends RuntimeException {
        RevokedPeerException(String message) {
            super(message);
        }
    }
}
