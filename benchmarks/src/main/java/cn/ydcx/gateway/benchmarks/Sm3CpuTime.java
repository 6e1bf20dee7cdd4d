package cn.ydcx.gateway.benchmarks;

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
        new Interleaved()
                .add("sm3Bc", Sm3Benchmark.N, () -> b.sm3Bc(bh))
                .add("sm3Lanes", Sm3Benchmark.N, () -> bh.consume(b.sm3Lanes()))
                .add("sm3BcHot", Sm3Benchmark.HOT, () -> b.sm3BcHot(bh))
                .add("sm3LanesHot", Sm3Benchmark.HOT, () -> bh.consume(b.sm3LanesHot()))
                .add("sm3LanesChunk04", Sm3Benchmark.N / 4 * 4, () -> bh.consume(b.sm3LanesChunk04()))
                .add("sm3LanesChunk08", Sm3Benchmark.N / 8 * 8, () -> bh.consume(b.sm3LanesChunk08()))
                .add("sm3LanesChunk16", Sm3Benchmark.N / 16 * 16, () -> bh.consume(b.sm3LanesChunk16()))
                .add("nodeSm3Bc", Sm3Benchmark.N, () -> b.nodeSm3Bc(bh))
                .add("nodeSm3Lanes", Sm3Benchmark.N, () -> bh.consume(b.nodeSm3Lanes()))
                .add("sha256Jdk", Sm3Benchmark.N, () -> b.sha256Jdk(bh))
                .add("sha256Bc", Sm3Benchmark.N, () -> b.sha256Bc(bh))
                .run(rounds)
                .printRates();
    }
}
