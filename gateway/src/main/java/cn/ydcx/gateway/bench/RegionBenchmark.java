package cn.ydcx.gateway.bench;

import cn.ydcx.gateway.client.TlsClient;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.LocalRegion;
import cn.ydcx.gateway.node.NodeLauncher;
import cn.ydcx.gateway.node.NodeProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The path users take, end to end: a ZJ penalty file of N rows posted at ZJ in a region of five
 * nodes, each its own {@code serve} process on this machine (or, with {@code inProcess}, all in
 * this JVM), until SH, JS, AH and REGION hold every accepted record, verified and applied. Prints
 * progress while it runs, then the times, rows/s, where the time went per stage and node
 * ({@code gateway.stage} timers), the largest heap each node used, and checks that all five
 * nodes hold the same records (digests of their current views).
 */
public final class RegionBenchmark {

    private static final List<NodeCode> RECEIVERS = List.of(NodeCode.SH, NodeCode.JS, NodeCode.AH, NodeCode.REGION);
    private static final String[] STAGES = {"normalise", "sign", "store-out", "load-out", "deliver", "verify",
        "store-in", "apply"};

    private final Path csv;
    private final Path work;
    private final String certs;
    private final Options options;
    private final PrintStream out;

    /**
     * @param postgresUrl   null for H2; else a JDBC URL of a PostgreSQL server (no database name), where one
     *                      database per node is created afresh
     * @param jvmOptions    for each node process
     */
    public record Options(boolean inProcess, List<String> jvmOptions, List<String> nodeArgs, String postgresUrl, String postgresUser,
                          String postgresPassword, Duration timeout) {
    }

    public RegionBenchmark(Path csv, Path work, String certs, Options options, PrintStream out) {
        this.csv = csv;
        this.work = work;
        this.certs = certs;
        this.options = options;
        this.out = out;
    }

    public boolean run() throws Exception {
        PkiLayout pki = PkiLayout.resolve(certs);
        Map<NodeCode, Integer> ports = new EnumMap<>(NodeCode.class);
        for (NodeCode n : NodeCode.values()) {
            ports.put(n, LocalRegion.freePort());
        }
        Map<NodeCode, String> urls = new EnumMap<>(NodeCode.class);
        ports.forEach((n, p) -> urls.put(n, "https://127.0.0.1:" + p));
        List<NodeProcess> processes = new ArrayList<>();
        LocalRegion region = null;
        long startT = System.nanoTime();
        try {
            if (options.inProcess()) {
                region = LocalRegion.start(List.of(NodeCode.values()), work, certs, true,
                        Map.of("logging.level.cn.ydcx.gateway", "WARN"));
                for (NodeCode n : NodeCode.values()) {
                    urls.put(n, region.url(n));
                }
            } else {
                for (NodeCode n : NodeCode.values()) {
                    Map<NodeCode, String> peers = new LinkedHashMap<>(urls);
                    peers.remove(n);
                    List<String> extra = new ArrayList<>(database(n));
                    extra.addAll(options.nodeArgs());
                    NodeProcess p = NodeProcess.of(n, ports.get(n), work.resolve(n.name()), certs, peers,
                            options.jvmOptions(), extra, work.resolve(n.name() + ".log"));
                    processes.add(p.start());
                }
                for (NodeProcess p : processes) {
                    p.awaitReady(pki, Duration.ofMinutes(3));
                }
            }
            out.printf("region up in %.1f s (%s, %s)%n", (System.nanoTime() - startT) / 1e9,
                    options.inProcess() ? "five nodes in this JVM" : "five serve processes " + options.jvmOptions(),
                    options.postgresUrl() == null ? "H2" : "PostgreSQL " + options.postgresUrl());
            return measure(pki, urls);
        } finally {
            for (NodeProcess p : processes) {
                p.stop(Duration.ofSeconds(30));
            }
            if (region != null) {
                region.close();
            }
        }
    }

    private List<String> database(NodeCode n) throws Exception {
        if (options.postgresUrl() == null) {
            return List.of();
        }
        String db = "ydcx_bench_" + n.name().toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(options.postgresUrl() + "postgres", options.postgresUser(),
                options.postgresPassword()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db + " ENCODING 'UTF8'");
        }
        return List.of("--spring.datasource.url=" + options.postgresUrl() + db,
                "--spring.datasource.username=" + options.postgresUser(),
                "--spring.datasource.password=" + options.postgresPassword());
    }

    private boolean measure(PkiLayout pki, Map<NodeCode, String> urls) throws Exception {
        TlsClient office = new TlsClient(pki, "office-ZJ");
        TlsClient auditor = new TlsClient(pki, "auditor");
        out.printf("posting %s (%.1f MB) at ZJ …%n", csv.getFileName(), Files.size(csv) / 1e6);
        long t0 = System.nanoTime();
        CompletableFuture<TlsClient.Response> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return office.postFile(urls.get(NodeCode.ZJ) + "/api/v1/ingest/penalty", csv, "text/csv",
                        options.timeout());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("the ingest request failed: " + e.getMessage(), e);
            }
        });
        Map<NodeCode, Double> doneAt = new EnumMap<>(NodeCode.class);
        Map<NodeCode, Long> maxHeap = new EnumMap<>(NodeCode.class);
        long accepted = -1;
        double ingestSeconds = -1;
        long lastProgress = 0;
        while (doneAt.size() < RECEIVERS.size()) {
            double t = (System.nanoTime() - t0) / 1e9;
            if (t > options.timeout().toSeconds()) {
                out.printf("TIMEOUT after %.0f s%n", t);
                return false;
            }
            if (accepted < 0 && answer.isDone()) {
                TlsClient.Response r = answer.join();
                if (r.status() != 200) {
                    out.println("ingest answered HTTP " + r.status() + ": " + abbreviate(r.body()));
                    return false;
                }
                JsonNode a = r.json();
                accepted = a.path("accepted").asLong();
                ingestSeconds = t;
                out.printf("  %6.1f s  ingest answered: %d accepted, %d rejected, %d batches%n", t, accepted,
                        a.path("rejected").asLong(), a.path("batches").size());
            }
            StringBuilder line = new StringBuilder();
            for (NodeCode n : NodeCode.values()) {
                long heap = heapUsed(auditor, urls.get(n));
                maxHeap.merge(n, heap, Math::max);
                if (n == NodeCode.ZJ) {
                    continue;
                }
                long held = held(auditor, urls.get(n));
                line.append(String.format("  %s %,d", n, held));
                if (accepted >= 0 && held == accepted && !doneAt.containsKey(n)) {
                    doneAt.put(n, t);
                    out.printf("  %6.1f s  %s holds all %d records%n", t, n, accepted);
                }
            }
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                out.printf("  %6.1f s %s%n", t, line);
                lastProgress = System.nanoTime();
            }
            Thread.sleep(500);
        }
        double all = doneAt.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        out.println();
        out.printf("ingest answer after %.1f s; every receiver held every record after %.1f s%n", ingestSeconds, all);
        out.printf("end to end: %,.0f rows/s of the file, %,.0f accepted records/s per receiver%n",
                rows() / all, accepted / all);
        boolean same = digests(auditor, urls);
        stages(auditor, urls);
        out.println("largest heap used (MB): " + maxHeap.entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getValue() >> 20)).toList());
        return same;
    }

    private long rows() throws IOException {
        try (var lines = Files.lines(csv)) {
            return lines.count() - 1;
        }
    }

    private static long held(TlsClient c, String url) throws Exception {
        return c.get(url + "/api/v1/region/status").json().path("sources").path("ZJ").path("penalty")
                .path("inForce").asLong();
    }

    private static long heapUsed(TlsClient c, String url) {
        try {
            return (long) c.get(url + "/actuator/metrics/jvm.memory.used?tag=area:heap").json()
                    .path("measurements").path(0).path("value").asDouble();
        } catch (Exception e) {
            return 0;
        }
    }

    private boolean digests(TlsClient c, Map<NodeCode, String> urls) throws Exception {
        String first = null;
        boolean same = true;
        for (NodeCode n : NodeCode.values()) {
            JsonNode d = c.get(urls.get(n) + "/api/v1/records/digest?source=ZJ&dataset=penalty", Duration.ofMinutes(10))
                    .json();
            String sha = d.path("sha256").asText();
            out.printf("  %-6s %,d records, lastSeq %d, digest %s…%n", n, d.path("records").asLong(),
                    d.path("lastSeq").asLong(), sha.substring(0, 16));
            same &= first == null || first.equals(sha);
            first = first == null ? sha : first;
        }
        out.println(same ? "all five nodes hold the same records" : "NODES DIFFER");
        return same;
    }

    private void stages(TlsClient c, Map<NodeCode, String> urls) throws Exception {
        out.println("where the time went (s of wall time inside each stage, summed over its calls):");
        StringBuilder head = new StringBuilder(String.format("  %-10s", "stage"));
        for (NodeCode n : NodeCode.values()) {
            head.append(String.format("%9s", n));
        }
        out.println(head);
        for (String stage : STAGES) {
            StringBuilder row = new StringBuilder(String.format("  %-10s", stage));
            for (NodeCode n : NodeCode.values()) {
                JsonNode m = c.get(urls.get(n) + "/actuator/metrics/gateway.stage?tag=stage:" + stage).json();
                double total = 0;
                for (JsonNode meas : m.path("measurements")) {
                    if ("TOTAL_TIME".equals(meas.path("statistic").asText())) {
                        total = meas.path("value").asDouble();
                    }
                }
                row.append(total == 0 ? String.format("%9s", "-") : String.format("%9.1f", total));
            }
            out.println(row);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() < 400 ? s : s.substring(0, 400) + "…";
    }

    /** The region's default PKI location (the checkout's certs-sample, or the jar's copy). */
    public static String defaultCerts() {
        return NodeLauncher.defaultCertsLocation();
    }
}
