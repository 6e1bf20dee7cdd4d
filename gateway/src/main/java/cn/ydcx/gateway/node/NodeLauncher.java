package cn.ydcx.gateway.node;

import cn.ydcx.gateway.GatewayApplication;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.store.StoreConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one node as its own Spring application context. {@code serve} starts one; the demo
 * and the integration tests start several in one JVM, each with its own port, database,
 * Camel context and keys, exactly as separate processes would have.
 */
public final class NodeLauncher {

    /** The TLS bundle name used for the HTTPS server and for outbound calls to peers. */
    public static final String TLS_BUNDLE = "node-tls";

    private NodeLauncher() {
    }

    /** The repository's sample PKI when run from a checkout, else the copy inside the jar. */
    public static String defaultCertsLocation() {
        return Files.isDirectory(Path.of("certs-sample", "es256")) ? "certs-sample" : "classpath:certs-sample";
    }

    /** Default peer URLs: every other node on loopback at its default port. */
    public static Map<NodeCode, String> loopbackPeers(NodeCode self, Map<NodeCode, Integer> ports) {
        Map<NodeCode, String> peers = new LinkedHashMap<>();
        for (NodeCode n : NodeCode.values()) {
            if (n != self) {
                peers.put(n, "https://127.0.0.1:" + ports.getOrDefault(n, n.defaultPort()));
            }
        }
        return peers;
    }

    /**
     * Default properties of a node; anything set in the environment, on the command line or
     * in an application.yaml beside the jar takes precedence over these.
     */
    public static Map<String, Object> defaults(NodeCode node, int port, Path dataDir, String certs,
                                               Map<NodeCode, String> peers) {
        PkiLayout pki = PkiLayout.resolve(certs);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("gateway.node", node.name());
        p.put("gateway.data-dir", dataDir.toAbsolutePath().toString());
        p.put("gateway.certs", certs);
        peers.forEach((code, url) -> p.put("gateway.peers." + code.name(), url));
        p.put("server.port", port);
        p.put("server.address", "127.0.0.1");
        p.put("server.ssl.bundle", TLS_BUNDLE);
        p.put("server.ssl.client-auth", "need");
        String b = "spring.ssl.bundle.pem." + TLS_BUNDLE + ".";
        // the TLS key follows gateway.key-name (key rotation) through a placeholder, resolved by Spring
        String keyName = "${gateway.key-name:" + node.name() + "}";
        p.put(b + "keystore.certificate", pki.certificateLocation(Suite.ES256, node.name())
                .replace("/" + node.name() + ".crt.pem", "/" + keyName + ".crt.pem"));
        p.put(b + "keystore.private-key", pki.privateKeyLocation(Suite.ES256, node.name())
                .replace("/" + node.name() + ".key.pem", "/" + keyName + ".key.pem"));
        if (isSamplePki(certs)) {
            // the shipped sample PKI is meant for the demo: allowed, and SampleKeyPolicy warns loudly
            p.put("gateway.allow-sample-keys", "true");
        }
        p.put(b + "truststore.certificate", pki.rootLocation(Suite.ES256));
        p.put("spring.datasource.url", StoreConfiguration.h2FileUrl(dataDir));
        p.put("spring.datasource.username", "sa");
        p.put("spring.datasource.password", "");
        p.put("camel.main.name", "gateway-" + node.name());
        p.put("logging.level.cn.ydcx.gateway", "INFO");
        return p;
    }

    /**
     * Whether {@code certs} is the shipped SAMPLE PKI: the copy inside the jar, or the checkout's
     * {@code certs-sample} directory. A copy elsewhere (or a real PKI) is not, so the sample-key
     * rule applies to it.
     */
    public static boolean isSamplePki(String certs) {
        if (certs.equals("classpath:certs-sample")) {
            return true;
        }
        PkiLayout layout = PkiLayout.resolve(certs);
        Path sample = Path.of("certs-sample");
        try {
            return layout.directory() != null && Files.isDirectory(sample)
                    && Files.isSameFile(layout.directory(), sample);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static ConfigurableApplicationContext start(Map<String, Object> defaults, String... args) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(defaults)
                .listeners(new SerialLoggingInit())
                .registerShutdownHook(true)
                .logStartupInfo(false)
                .run(args);
    }

    /** The HTTPS port the node actually listens on. */
    public static int port(ConfigurableApplicationContext ctx) {
        return ((ServletWebServerApplicationContext) ctx).getWebServer().getPort();
    }
}
