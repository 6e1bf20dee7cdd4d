package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.demo.RegionDemo;
import cn.ydcx.gateway.node.LocalRegion;
import cn.ydcx.gateway.node.NodeLauncher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo [--keep-running]}: the whole region on loopback, checked step by step. */
@Command(name = "demo", description = "Start SH, JS, ZJ, AH and REGION on loopback, exchange the sample data, "
        + "print a summary; exit 0 only if every step held.")
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--keep-running", description = "leave the five nodes serving afterwards")
    boolean keepRunning;

    @Option(names = "--data-dir", description = "demo state, wiped at start (default: data/demo)")
    Path dataDir = Path.of("data", "demo");

    @Option(names = "--free-ports", description = "use free ephemeral ports instead of 8440-8444")
    boolean freePorts;

    @Option(names = "--certs", description = "PKI directory or classpath:certs-sample")
    String certs;

    @Override
    public Integer call() throws Exception {
        wipe(dataDir);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        RegionDemo demo = new RegionDemo(out, dataDir, certs == null ? NodeLauncher.defaultCertsLocation() : certs,
                freePorts);
        LocalRegion region = demo.run();
        boolean held = demo.summarise();
        if (keepRunning) {
            out.println("nodes keep running; stop with Ctrl-C");
            return GatewayCli.KEEP_RUNNING;
        }
        region.close();
        return held ? 0 : 1;
    }

    /** The demo's own directory only: it starts from a clean region every time. */
    static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
