package cn.ydcx.gateway.benchmarks;

import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 4's cost ratio measured so that a drifting machine cannot decide it: the methods of
 * {@link BatchVerifyBenchmark} that the ratio and its breakdown need, interleaved round by round
 * ({@link Interleaved}), and the ratio verifyBytes ÷ hashLeaves taken within each round. Prints
 * the median records/s of each method and, per suite, the median ratio with its quartiles and
 * the target verdict. JMH stays the primary measurement; this is the cross-check for the
 * baseline swings seen on the shared 2-core VM (docs/BENCHMARKS.md).
 *
 * <pre>benchmarks/run verify-cpu [rounds]</pre>
 * or {@code java -Xms1g -Xmx1g --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * cn.ydcx.gateway.benchmarks.VerifyCpuTime [rounds] [suite...]}, from the repository root.
 */
public final class VerifyCpuTime {
    private VerifyCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String[] suites = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"SM2-SM3", "ES256"};
        Blackhole bh = Fixtures.setupBlackhole();
        for (String suite : suites) {
            BatchVerifyBenchmark b = new BatchVerifyBenchmark();
            b.suite = suite;
            b.setUp();
            int n = BatchVerifyBenchmark.RECORDS;
            Interleaved run = new Interleaved()
                    .add("verifyBytes", n, () -> bh.consume(b.verifyBytes()))
                    .add("hashLeaves", n, () -> b.hashLeaves(bh))
                    .add("scanRecords", n, () -> bh.consume(b.scanRecords()))
                    .add("scanRecordsScalar", n, () -> bh.consume(b.scanRecordsScalar()))
                    .add("merkleRoot", n, () -> bh.consume(b.merkleRoot()))
                    .add("recordIds", n, () -> b.recordIds(bh))
                    .run(rounds);
            System.out.printf("%n%s:", suite);
            run.printRates();
            double[] cost = run.ratio("verifyBytes", "hashLeaves");
            double[] scan = run.ratio("scanRecordsScalar", "scanRecords");
            System.out.printf("%s cost ratio verifyBytes ÷ hashLeaves, per round by CPU time: median %.2f× "
                    + "(quartiles %.2f–%.2f) %s%n", suite, cost[1], cost[0], cost[2],
                    cost[1] <= Report.VERIFY_COST_TARGET ? "OK (≤ 1.5×)" : "NOT MET (> 1.5×)");
            System.out.printf("%s scanner with vector steps vs without: %.2f× as fast (quartiles %.2f–%.2f)%n",
                    suite, scan[1], scan[0], scan[2]);
        }
    }
}
