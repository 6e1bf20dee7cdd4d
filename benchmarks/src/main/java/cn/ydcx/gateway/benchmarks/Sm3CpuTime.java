package cn.ydcx.gateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A cross-check of {@link Sm3Benchmark} for a busy machine: the same operations, measured by
 * the thread's CPU time instead of wall-clock time, interleaved round by round so that every
 * operation sees the same background load; prints the median over the rounds. CPU time does not
 * count the time the thread waited for a core (the main noise on a shared 2-core box), though
 * a busy sibling hyperthread still slows it down.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar cn.ydcx.gateway.benchmarks.Sm3CpuTime [rounds]</pre>
 */
public final class Sm3CpuTime {
    private Sm3CpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Sm3Benchmark b = new Sm3Benchmark();
        b.setUp();
        Blackhole bh = Fixtures.setupBlackhole();
        Map<String, Runnable> ops = new LinkedHashMap<>();
        Map<String, Integer> perCall = new LinkedHashMap<>();
        ops.put("sm3Bc", () -> b.sm3Bc(bh));
        perCall.put("sm3Bc", Sm3Benchmark.N);
        ops.put("sm3Lanes", () -> bh.consume(b.sm3Lanes()));
        perCall.put("sm3Lanes", Sm3Benchmark.N);
        ops.put("sm3BcHot", () -> b.sm3BcHot(bh));
        perCall.put("sm3BcHot", Sm3Benchmark.HOT);
        ops.put("sm3LanesHot", () -> bh.consume(b.sm3LanesHot()));
        perCall.put("sm3LanesHot", Sm3Benchmark.HOT);
        ops.put("sm3LanesChunk04", () -> bh.consume(b.sm3LanesChunk04()));
        perCall.put("sm3LanesChunk04", Sm3Benchmark.N / 4 * 4);
        ops.put("sm3LanesChunk08", () -> bh.consume(b.sm3LanesChunk08()));
        perCall.put("sm3LanesChunk08", Sm3Benchmark.N / 8 * 8);
        ops.put("sm3LanesChunk16", () -> bh.consume(b.sm3LanesChunk16()));
        perCall.put("sm3LanesChunk16", Sm3Benchmark.N / 16 * 16);
        ops.put("nodeSm3Bc", () -> b.nodeSm3Bc(bh));
        perCall.put("nodeSm3Bc", Sm3Benchmark.N);
        ops.put("nodeSm3Lanes", () -> bh.consume(b.nodeSm3Lanes()));
        perCall.put("nodeSm3Lanes", Sm3Benchmark.N);
        ops.put("sha256Jdk", () -> b.sha256Jdk(bh));
        perCall.put("sha256Jdk", Sm3Benchmark.N);
        ops.put("sha256Bc", () -> b.sha256Bc(bh));
        perCall.put("sha256Bc", Sm3Benchmark.N);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        for (int round = -5; round < rounds; round++) { // 5 warm-up rounds
            for (Map.Entry<String, Runnable> op : ops.entrySet()) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                int calls = 0;
                do { // at least 200 ms of CPU per op and round
                    op.getValue().run();
                    calls++;
                } while (threads.getCurrentThreadCpuTime() - cpu0 < 200_000_000L);
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                if (round >= 0) {
                    double records = (double) calls * perCall.get(op.getKey());
                    samples.computeIfAbsent(op.getKey(), k -> new ArrayList<>())
                            .add(new double[] {records * 1e9 / cpu, records * 1e9 / wall});
                }
            }
        }
        System.out.printf("%n%-16s %14s %14s   (median of %d rounds; load average %s)%n", "records/s", "by CPU time",
                "by wall time", rounds, new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
        for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
            System.out.printf("%-16s %14.0f %14.0f%n", e.getKey(), median(e.getValue(), 0), median(e.getValue(), 1));
        }
    }

    private static double median(List<double[]> xs, int column) {
        double[] v = xs.stream().mapToDouble(x -> x[column]).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
