package cn.ydcx.gateway.client;

import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * An HTTPS client that presents one identity of the sample PKI (an office system, a node or
 * the auditor) and trusts only the regional root — what a real caller of a node does.
 */
public final class TlsClient {

    private final HttpClient http;
    private final String identity;

    public TlsClient(PkiLayout pki, String identity) {
        this.identity = identity;
        PemSslStoreDetails key = PemSslStoreDetails.forCertificate(pki.certificateLocation(Suite.ES256, identity))
                .withPrivateKey(pki.privateKeyLocation(Suite.ES256, identity));
        PemSslStoreDetails trust = PemSslStoreDetails.forCertificate(pki.rootLocation(Suite.ES256));
        SSLContext ssl = SslBundle.of(new PemSslStoreBundle(key, trust)).createSslContext();
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public Response get(String url) throws IOException, InterruptedException {
        return get(url, Duration.ofSeconds(60));
    }

    public Response get(String url, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
    }

    public Response post(String url, byte[] body, String contentType) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Posts a file as the body, streamed from disk (files may be larger than memory). */
    public Response postFile(String url, java.nio.file.Path file, String contentType, Duration timeout)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
    }

    private Response send(HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        return new Response(resp.statusCode(), resp.body());
    }

    /** Status and body of one answer; {@link #json()} parses the body. */
    public record Response(int status, String body) {
        public JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }
    }
}
