package cn.ydcx.gateway.cli;

import cn.ydcx.gateway.bench.PipelineBenchmark;
import cn.ydcx.gateway.bench.ScaledSample;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Sm3Lanes;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.node.NodeLauncher;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench pipeline}: records/s through normalize → sign → verify, with baselines. */
@Command(name = "bench", description = "Measure normalize → sign → verify on the ZJ penalty sample scaled to N rows.",
        subcommands = RegionBenchCommand.class)
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "100000", description = "rows in the scaled file (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--suite", defaultValue = "SM2-SM3", description = "SM2-SM3 or ES256 (default ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--warmup", defaultValue = "2")
    int warmup;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Override
    public Integer call() throws Exception {
        Path csv = Files.createTempFile("zj-penalty-" + rows + "-", ".csv");
        try {
            try (InputStream sample = samplePenalty()) {
                ScaledSample.writeZjCsv(sample, "行政处罚决定书文号", rows, csv);
            }
            System.out.printf("ZJ penalty sample scaled to %d rows (%.1f MB), suite %s, %d warm-up + %d measured runs, "
                            + "median; %d cores, Java %s, max heap %d MB, %s%n", rows, Files.size(csv) / 1e6, suite, warmup,
                    runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20, Sm3Lanes.get());
            new PipelineBenchmark(csv, Suite.of(suite), PkiLayout.resolve(NodeLauncher.defaultCertsLocation()),
                    warmup, runs, System.out).run();
            return 0;
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    static InputStream samplePenalty() throws java.io.IOException {
        Path onDisk = Path.of("samples", "ZJ", "penalty.csv");
        if (Files.isRegularFile(onDisk)) {
            return Files.newInputStream(onDisk);
        }
        InputStream in = BenchCommand.class.getClassLoader().getResourceAsStream("samples/ZJ/penalty.csv");
        if (in == null) {
            throw new IllegalStateException("samples/ZJ/penalty.csv not found");
        }
        return in;
    }
}
