package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.NodeLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code serve --node N}: runs one node until it is stopped. */
@Command(name = "serve", description = "Run one node (HTTPS with mutual TLS).",
        footer = "Any --spring.* or --gateway.* option is passed to Spring Boot, e.g. "
                + "--spring.datasource.url=jdbc:postgresql://db:5432/gateway")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--node", required = true, description = "node code: REGION, SH, JS, ZJ or AH")
    String node;

    @Option(names = "--port", description = "HTTPS port (default: the node's default port, 8440-8444)")
    Integer port;

    @Option(names = "--data-dir", description = "state directory (default: data/<NODE>)")
    Path dataDir;

    @Option(names = "--certs", description = "PKI directory or classpath:certs-sample (default: ./certs-sample if present)")
    String certs;

    @Option(names = "--peer", description = "peer URL, CODE=https://host:port (repeatable; default: loopback default ports)")
    Map<String, String> peers = new LinkedHashMap<>();

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        NodeCode code = NodeCode.of(node);
        int p = port == null ? code.defaultPort() : port;
        Map<NodeCode, String> peerUrls = NodeLauncher.loopbackPeers(code, Map.of());
        peers.forEach((k, v) -> peerUrls.put(NodeCode.of(k), v));
        Map<String, Object> defaults = NodeLauncher.defaults(code, p,
                dataDir == null ? Path.of("data", code.name()) : dataDir,
                certs == null ? NodeLauncher.defaultCertsLocation() : certs, peerUrls);
        var ctx = NodeLauncher.start(defaults, springArgs.toArray(String[]::new));
        System.err.println("node " + code + " serving on https://127.0.0.1:" + NodeLauncher.port(ctx));
        return GatewayCli.KEEP_RUNNING;
    }
}
