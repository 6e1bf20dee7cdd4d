package cn.ydcx.gateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations measured round by round, one after the other in every round, by the thread's CPU
 * time and by wall-clock time: the cross-check of a JMH run on a shared machine whose speed
 * drifts (issue 4: a JMH baseline measured a minute before the method it is compared with swung
 * by ±40% on the 2-core VM). Every operation sees the same background load, and a ratio is taken
 * within each round, so a slow phase of the machine slows both sides of it. CPU time leaves out
 * the time the thread waited for a core; a busy sibling hyperthread or a throttled host still
 * shows, which is why the per-round ratios, not the rates, are the numbers to trust.
 */
final class Interleaved {
    private static final long MIN_CPU_NANOS = 200_000_000L; // per operation and round
    private static final int WARM_UP_ROUNDS = 5;

    private final Map<String, Runnable> ops = new LinkedHashMap<>();
    private final Map<String, Integer> perCall = new LinkedHashMap<>();
    /** name → one {records/s by CPU, records/s by wall} per measured round. */
    private final Map<String, List<double[]>> samples = new LinkedHashMap<>();

    /** Adds an operation that handles {@code records} records per call. */
    Interleaved add(String name, int records, Runnable op) {
        ops.put(name, op);
        perCall.put(name, records);
        return this;
    }

    /** Runs the warm-up rounds and then {@code rounds} measured rounds. */
    Interleaved run(int rounds) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            for (Map.Entry<String, Runnable> op : ops.entrySet()) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                int calls = 0;
                do {
                    op.getValue().run();
                    calls++;
                } while (threads.getCurrentThreadCpuTime() - cpu0 < MIN_CPU_NANOS);
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                if (round >= 0) {
                    double records = (double) calls * perCall.get(op.getKey());
                    samples.computeIfAbsent(op.getKey(), k -> new ArrayList<>())
                            .add(new double[] {records * 1e9 / cpu, records * 1e9 / wall});
                }
            }
        }
        return this;
    }

    /** Prints the median records/s of every operation, by CPU and by wall time. */
    void printRates() {
        int rounds = samples.values().iterator().next().size();
        System.out.printf("%n%-20s %14s %14s   (median of %d rounds; load average %s)%n", "records/s", "by CPU time",
                "by wall time", rounds, loadAverage());
        for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
            System.out.printf("%-20s %14.0f %14.0f%n", e.getKey(), quantile(column(e.getValue(), 0), 0.5),
                    quantile(column(e.getValue(), 1), 0.5));
        }
    }

    /**
     * The cost ratio time(slow) ÷ time(fast) = rate(fast) ÷ rate(slow), taken within each round
     * by CPU time: {25th percentile, median, 75th percentile} over the rounds.
     */
    double[] ratio(String slow, String fast) {
        List<double[]> s = samples.get(slow);
        List<double[]> f = samples.get(fast);
        double[] r = new double[s.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.get(i)[0] / s.get(i)[0];
        }
        return new double[] {quantile(r, 0.25), quantile(r, 0.5), quantile(r, 0.75)};
    }

    private static double[] column(List<double[]> xs, int column) {
        return xs.stream().mapToDouble(x -> x[column]).toArray();
    }

    /** Nearest-rank quantile. */
    static double quantile(double[] xs, double q) {
        double[] v = xs.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.floor(q * v.length))];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
