package cn.ydcx.gateway.peer;

import cn.ydcx.gateway.node.NodeProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Small HTTPS requests to the other nodes (checkpoints and proofs for witnessing, CRLs), with
 * this node's identity ({@link PeerTls}). Batches travel through Camel's https component in the
 * exchange routes instead. Every answer's server certificate is checked against the current CRL
 * before anyone sees the answer.
 */
@Component
public class PeerClient {

    private final HttpClient http;
    private final NodeProperties props;
    private final PeerTls tls;

    public PeerClient(PeerTls tls, NodeProperties props) {
        this.props = props;
        this.tls = tls;
        this.http = HttpClient.newBuilder()
                .sslContext(tls.context())
                .connectTimeout(props.delivery().timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public URI peerUri(String peer, String path) {
        String base = props.peers().get(peer);
        if (base == null) {
            throw new IllegalArgumentException("no URL configured for peer " + peer
                    + " (set gateway.peers." + peer + ")");
        }
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    public CompletableFuture<HttpResponse<String>> get(String peer, String pathAndQuery) {
        HttpRequest req = HttpRequest.newBuilder(peerUri(peer, pathAndQuery))
                .timeout(props.delivery().timeout())
                .GET()
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).thenApply(this::fromUnrevokedPeer);
    }

    private HttpResponse<String> fromUnrevokedPeer(HttpResponse<String> resp) {
        resp.sslSession().flatMap(s -> tls.revokedSince(s, resp.uri().getAuthority())).ifPresent(why -> {
            throw new RevokedPeerException(why);
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
