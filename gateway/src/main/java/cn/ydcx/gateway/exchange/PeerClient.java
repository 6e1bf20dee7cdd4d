package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.node.NodeLauncher;
import cn.ydcx.gateway.node.NodeProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * HTTPS client to the other nodes, presenting this node's certificate (mutual TLS) and trusting
 * only the regional root: the same TLS bundle as the node's own server.
 */
@Component
public class PeerClient {

    private final HttpClient http;
    private final NodeProperties props;

    public PeerClient(SslBundles bundles, NodeProperties props) {
        this.props = props;
        this.http = HttpClient.newBuilder()
                .sslContext(bundles.getBundle(NodeLauncher.TLS_BUNDLE).createSslContext())
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

    public CompletableFuture<HttpResponse<String>> postJson(String peer, String path, String body) {
        HttpRequest req = HttpRequest.newBuilder(peerUri(peer, path))
                .timeout(props.delivery().timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> get(String peer, String pathAndQuery) {
        HttpRequest req = HttpRequest.newBuilder(peerUri(peer, pathAndQuery))
                .timeout(props.delivery().timeout())
                .GET()
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }
}
