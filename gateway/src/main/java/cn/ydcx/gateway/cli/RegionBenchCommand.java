package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.bench.RegionBenchmark;
import cn.ydcx.gateway.bench.ScaledSample;
import cn.ydcx.gateway.crypto.Sm3Lanes;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench region --rows N}: the whole path, a file posted at ZJ until four receivers hold it. */
@Command(name = "region", description = "Post the ZJ penalty sample scaled to N rows at ZJ in a five-node region on "
        + "this machine and time it until SH, JS, AH and REGION hold every accepted record.")
public class RegionBenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "100000", description = "rows in the file (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--in-process", description = "run the five nodes in this JVM instead of five serve processes")
    boolean inProcess;

    @Option(names = "--node-jvm", description = "JVM option of each node process (repeatable; default -Xmx512m)")
    List<String> nodeJvm = new ArrayList<>();

    @Option(names = "--node-arg", description = "a --key=value setting for every node, e.g. --node-arg=--gateway.batch-size=5000 (repeatable)")
    List<String> nodeArgs = new ArrayList<>();

    @Option(names = "--vector", description = "start the node processes with the JDK's vector module (SM3 lanes)")
    boolean vector;

    @Option(names = "--postgres", description = "JDBC URL of a PostgreSQL server ending in '/', e.g. "
            + "jdbc:postgresql://127.0.0.1:5432/ (a database per node is created); default H2")
    String postgres;

    @Option(names = "--pg-user", defaultValue = "postgres")
    String pgUser;

    @Option(names = "--pg-password", defaultValue = "")
    String pgPassword;

    @Option(names = "--work-dir", description = "where the nodes keep their state (default: a new temporary directory)")
    Path workDir;

    @Option(names = "--timeout-s", defaultValue = "1800")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path work = workDir == null ? Files.createTempDirectory("ydcx-bench-region-") : workDir;
        Files.createDirectories(work);
        Path csv = work.resolve("zj-penalty-" + rows + ".csv");
        try (InputStream sample = BenchCommand.samplePenalty()) {
            ScaledSample.writeZjCsv(sample, "行政处罚决定书文号", rows, csv);
        }
        List<String> jvm = new ArrayList<>(nodeJvm.isEmpty() ? List.of("-Xmx512m") : nodeJvm);
        if (vector) {
            jvm.add("--add-modules=jdk.incubator.vector");
        }
        out.printf("bench region: %,d ZJ penalty rows, %d cores, %s, Java %s, bench JVM %s, state in %s%n", rows,
                Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("java.version"), Sm3Lanes.get(),
                work);
        boolean ok = new RegionBenchmark(csv, work, RegionBenchmark.defaultCerts(), new RegionBenchmark.Options(
                inProcess, jvm, nodeArgs, postgres, pgUser, pgPassword, Duration.ofSeconds(timeoutSeconds)), out).run();
        return ok ? 0 : 1;
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
