package cn.ydcx.gateway.node;

import cn.ydcx.gateway.model.NodeCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several nodes on loopback in this JVM, each a full node with its own port, database and keys;
 * used by the demo and the end-to-end tests. Nodes start in parallel.
 */
public final class LocalRegion implements AutoCloseable {

    private final Map<NodeCode, ConfigurableApplicationContext> nodes = new EnumMap<>(NodeCode.class);
    private final Map<NodeCode, Integer> ports;

    private LocalRegion(Map<NodeCode, Integer> ports) {
        this.ports = ports;
    }

    /**
     * Starts the given nodes. Each keeps its state in {@code dataRoot/<NODE>}; with
     * {@code freePorts} every node gets a free port (below the ephemeral range), else its default port.
     */
    public static LocalRegion start(List<NodeCode> codes, Path dataRoot, String certs, boolean freePorts,
                                    Map<String, Object> extra) {
        Map<NodeCode, Integer> ports = new EnumMap<>(NodeCode.class);
        for (NodeCode n : NodeCode.values()) {
            ports.put(n, freePorts ? freePort() : n.defaultPort());
        }
        LocalRegion region = new LocalRegion(ports);
        // Tomcat's cipher-list parser initialises its static tables without synchronisation; two
        // connectors starting at once can corrupt them (UnsupportedOperationException): do it once here
        org.apache.tomcat.util.net.openssl.ciphers.OpenSSLCipherConfigurationParser.parseExpression("HIGH");
        ExecutorService pool = Executors.newFixedThreadPool(codes.size());
        try {
            Map<NodeCode, Future<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
            for (NodeCode n : codes) {
                Map<NodeCode, String> peers = new LinkedHashMap<>();
                NodeLauncher.loopbackPeers(n, ports).forEach((peer, url) -> {
                    if (codes.contains(peer)) {
                        peers.put(peer, url);
                    }
                });
                // made here, one at a time: H2 creating the shared parent from five threads races
                createDirectories(dataRoot.resolve(n.name()));
                Map<String, Object> props = new LinkedHashMap<>(
                        NodeLauncher.defaults(n, ports.get(n), dataRoot.resolve(n.name()), certs, peers));
                // several nodes in one JVM is the demo and the tests, never production: sample keys
                // (e.g. a temporary copy of certs-sample) are fine unless extra says otherwise
                props.put("gateway.allow-sample-keys", "true");
                // one node whose database fails closes alone; the JVM (the demo, a test) goes on
                props.put("gateway.database.exit-on-failure", "false");
                props.putAll(extra);
                starting.put(n, pool.submit(() -> NodeLauncher.start(props)));
            }
            List<Exception> failures = new ArrayList<>();
            for (var e : starting.entrySet()) {
                try {
                    region.nodes.put(e.getKey(), e.getValue().get());
                } catch (Exception ex) {
                    failures.add(new IllegalStateException("node " + e.getKey() + " did not start: "
                            + rootMessage(ex), ex));
                }
            }
            if (!failures.isEmpty()) {
                region.close();
                IllegalStateException ise = new IllegalStateException(failures.get(0).getMessage(), failures.get(0));
                failures.stream().skip(1).forEach(ise::addSuppressed);
                throw ise;
            }
            return region;
        } finally {
            pool.shutdown();
        }
    }

    public int port(NodeCode n) {
        return ports.get(n);
    }

    public String url(NodeCode n) {
        return "https://127.0.0.1:" + port(n);
    }

    public ConfigurableApplicationContext context(NodeCode n) {
        ConfigurableApplicationContext ctx = nodes.get(n);
        if (ctx == null) {
            throw new IllegalArgumentException("node " + n + " is not running in this region");
        }
        return ctx;
    }

    public <T> T bean(NodeCode n, Class<T> type) {
        return context(n).getBean(type);
    }

    @Override
    public void close() {
        nodes.values().forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }

    private static void createDirectories(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999): a port the kernel handed out as
     * ephemeral could be taken by an outgoing connection between this check and the node's bind.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20000, 32000);
            if (TAKEN.add(port)) {
                try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException busy) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("no free port found between 20000 and 32000");
    }

    /** Ports handed out by this JVM, never handed out twice. */
    private static final java.util.Set<Integer> TAKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
