package cn.ydcx.gateway.security;

import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * Test HTTPS client: presents {@code identity} from {@code identityPki} (possibly a foreign PKI)
 * and trusts the ES256 root of {@code trustPki}; a fresh HttpClient, so every instance makes a
 * new TLS handshake. Also exposes the server's certificate.
 */
final class MtlsClient {
    private final HttpClient http;

    MtlsClient(PkiLayout identityPki, String identity, PkiLayout trustPki) {
        PemSslStoreDetails key = PemSslStoreDetails.forCertificate(identityPki.certificateLocation(Suite.ES256, identity))
                .withPrivateKey(identityPki.privateKeyLocation(Suite.ES256, identity));
        PemSslStoreDetails trust = PemSslStoreDetails.forCertificate(trustPki.rootLocation(Suite.ES256));
        SSLContext ssl = SslBundle.of(new PemSslStoreBundle(key, trust)).createSslContext();
        http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    MtlsClient(PkiLayout pki, String identity) {
        this(pki, identity, pki);
    }

    record Response(int status, String body, X509Certificate serverCertificate) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }
    }

    Response get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    Response post(String url, byte[] body, String contentType) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private Response send(HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        X509Certificate server = resp.sslSession().map(s -> {
            try {
                return (X509Certificate) s.getPeerCertificates()[0];
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                return null;
            }
        }).orElse(null);
        return new Response(resp.statusCode(), resp.body(), server);
    }
}
