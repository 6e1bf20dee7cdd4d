package cn.ydcx.gateway.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a JMH JSON result file (-rf json) as the tables of docs/BENCHMARKS.md, with the issue
 * targets worked out:
 * <ul>
 *   <li>issue 3, per input: pipeline rows/s ÷ parseOnly rows/s ≥ 0.40, and ZJ/penalty pipeline
 *       ≥ 50,000 rows/s;</li>
 *   <li>issue 4, per suite: cost ratio = hashLeaves records/s ÷ verifyBytes records/s (= time to
 *       verify the request bytes ÷ time to hash the same leaves) ≤ 1.5; the ratios of the
 *       tree-based verifyBatch, of verifying a Jackson-ordered body, and of parse + verify
 *       end to end are printed next to it.</li>
 * </ul>
 * Usage: {@code java -cp benchmarks.jar cn.ydcx.gateway.benchmarks.Report results.json}
 */
public final class Report {
    static final double PIPELINE_SHARE_TARGET = 0.40;
    static final double ZJ_PENALTY_ROWS_TARGET = 50_000;
    static final double VERIFY_COST_TARGET = 1.5;

    private Report() {
    }

    /** One JMH result: score and error of the primary metric, plus a named secondary. */
    record Score(double score, double error, Double inputMB) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Report <jmh-result.json>");
            System.exit(2);
        }
        print(new ObjectMapper().readTree(Path.of(args[0]).toFile()), System.out);
    }

    static void print(JsonNode results, PrintStream out) {
        // class.method → params ("input=ZJ/penalty suite=SM2-SM3") → score
        Map<String, Map<String, Score>> by = new TreeMap<>();
        for (JsonNode r : results) {
            String bench = r.path("benchmark").asText();
            String name = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
            JsonNode mb = r.path("secondaryMetrics").path("inputMB");
            by.computeIfAbsent(name, k -> new TreeMap<>()).put(params(r.path("params")), new Score(
                    r.path("primaryMetric").path("score").asDouble(),
                    r.path("primaryMetric").path("scoreError").asDouble(Double.NaN),
                    mb.isMissingNode() ? null : mb.path("score").asDouble()));
        }

        boolean cold = false;
        for (JsonNode r : results) {
            cold |= r.path("warmupIterations").asInt() == 0 || r.path("measurementIterations").asInt() < 3;
        }
        if (cold) {
            out.println();
            out.println("NOTE: no warm-up or fewer than 3 measured iterations (smoke settings): these numbers and");
            out.println("      verdicts only show that the benchmarks run. They are not results.");
        }

        out.println();
        out.printf("%-34s %-32s %14s %12s %-10s %8s%n", "benchmark", "params", "score", "± error", "unit", "MB/s");
        by.forEach((name, rows) -> rows.forEach((p, s) -> out.printf("%-34s %-32s %,14.0f %12s %-10s %8s%n",
                name, p, s.score(), Double.isNaN(s.error()) ? "" : String.format("%,.0f", s.error()), unit(name),
                mb(s))));

        Map<String, Score> parse = by.getOrDefault("NormalizeBenchmark.parseOnly", Map.of());
        Map<String, Score> normalize = by.getOrDefault("NormalizeBenchmark.normalize", Map.of());
        Map<String, Score> pipeline = by.getOrDefault("NormalizeBenchmark.pipeline", Map.of());
        if (!pipeline.isEmpty()) {
            out.println();
            out.println("Issue 3 — normalise + validate + JCS + leaf hash vs parse only (rows/s; MB/s of native input)");
            out.printf("%-32s %12s %8s %12s %12s %8s %10s  %s%n", "params", "parse rows/s", "MB/s", "normalize/s",
                    "pipeline/s", "MB/s", "pipe/parse", "verdict");
            pipeline.forEach((p, pipe) -> {
                Score base = parse.get(p);
                Score norm = normalize.get(p);
                double share = base == null ? Double.NaN : pipe.score() / base.score();
                StringBuilder verdict = new StringBuilder(Double.isNaN(share) ? "no baseline"
                        : share >= PIPELINE_SHARE_TARGET ? "OK (≥ 40%)" : "BELOW 40%");
                if (p.contains("input=ZJ/penalty")) {
                    verdict.append(pipe.score() >= ZJ_PENALTY_ROWS_TARGET ? "; OK (≥ 50,000 rows/s)" : "; BELOW 50,000 rows/s");
                }
                out.printf("%-32s %12s %8s %12s %,12.0f %8s %10s  %s%n", p,
                        num(base), mb(base), num(norm), pipe.score(), mb(pipe),
                        Double.isNaN(share) ? "" : String.format("%.0f%%", 100 * share), verdict);
            });
        }

        Map<String, Score> verify = by.getOrDefault("BatchVerifyBenchmark.verifyBatch", Map.of());
        Map<String, Score> verifyBytes = by.getOrDefault("BatchVerifyBenchmark.verifyBytes", Map.of());
        Map<String, Score> hash = by.getOrDefault("BatchVerifyBenchmark.hashLeaves", Map.of());
        Map<String, Score> sign = by.getOrDefault("SignatureBenchmark.sign", Map.of());
        Map<String, Score> sigVerify = by.getOrDefault("SignatureBenchmark.verify", Map.of());
        if (!verify.isEmpty() || !sign.isEmpty()) {
            out.println();
            out.println("Issue 4 — signatures, and verifying a 10,000-record batch vs hashing its leaves");
            out.printf("%-16s %10s %10s %14s %14s %11s  %s%n", "params", "sign/s", "verify/s", "verify rec/s",
                    "hash rec/s", "cost ratio", "verdict");
            Map<String, Boolean> suites = new LinkedHashMap<>();
            verifyBytes.keySet().forEach(k -> suites.put(k, true));
            verify.keySet().forEach(k -> suites.put(k, true));
            sign.keySet().forEach(k -> suites.put(k, true));
            for (String p : suites.keySet()) {
                // the target is about verifying the request bytes; the tree-based score if that is all there is
                Score v = verifyBytes.containsKey(p) ? verifyBytes.get(p) : verify.get(p);
                Score h = hash.get(p);
                double ratio = v == null || h == null ? Double.NaN : h.score() / v.score();
                out.printf("%-16s %10s %10s %14s %14s %11s  %s%n", p, num(sign.get(p)),
                        num(sigVerify.get(p)), num(v), num(h),
                        Double.isNaN(ratio) ? "" : String.format("%.2f×", ratio), Double.isNaN(ratio) ? ""
                                : ratio <= VERIFY_COST_TARGET ? "OK (≤ 1.5×)" : "ABOVE 1.5×");
            }
            out.println();
            out.println("Cost ratio (time ÷ hashLeaves time) of each way to verify; readTree+verify adds the parse a");
            out.println("receiver does anyway (sum of the two measured times; parseAndVerify measures it in one go)");
            out.printf("%-16s %12s %12s %14s %10s %16s %15s%n", "params", "verifyBytes", "verifyBatch",
                    "Jackson-order", "readTree", "readTree+verify", "parseAndVerify");
            for (String p : suites.keySet()) {
                Score h = hash.get(p);
                Score rt = by.getOrDefault("BatchVerifyBenchmark.readTree", Map.of()).get(p);
                Score vb = verifyBytes.get(p);
                out.printf("%-16s %12s %12s %14s %10s %16s %15s%n", p, ratio(h, vb), ratio(h, verify.get(p)),
                        ratio(h, by.getOrDefault("BatchVerifyBenchmark.verifyBytesJacksonOrder", Map.of()).get(p)),
                        ratio(h, rt),
                        h == null || rt == null || vb == null ? ""
                                : String.format("%.2f×", h.score() * (1 / rt.score() + 1 / vb.score())),
                        ratio(h, by.getOrDefault("BatchVerifyBenchmark.parseAndVerify", Map.of()).get(p)));
            }
            Map<String, Score> oneByOne = by.getOrDefault("BatchVerifyBenchmark.hashLeavesOneByOne", Map.of());
            if (!oneByOne.isEmpty()) {
                out.println();
                out.println("hashLeaves (the gateway's leaf hashing: SM3 in vector lanes when available) next to");
                out.println("hashLeavesOneByOne (Bouncy Castle, one digest per leaf), and verifyBytes against each");
                out.printf("%-16s %14s %16s %18s %20s%n", "params", "hash rec/s", "one-by-one rec/s",
                        "verifyBytes ÷ hash", "verifyBytes ÷ 1-by-1");
                for (String p : suites.keySet()) {
                    out.printf("%-16s %14s %16s %18s %20s%n", p, num(hash.get(p)), num(oneByOne.get(p)),
                            ratio(hash.get(p), verifyBytes.get(p)), ratio(oneByOne.get(p), verifyBytes.get(p)));
                }
            }
            out.println();
            out.println("Per-record cost in µs (1e6 / records/s): where verifyBatch's time goes");
            out.printf("%-16s %10s %10s %10s %10s %10s%n", "params", "verify", "hash", "jcs", "merkle", "recordId");
            for (String p : verify.keySet()) {
                out.printf("%-16s %10s %10s %10s %10s %10s%n", p, micros(verify.get(p)), micros(hash.get(p)),
                        micros(by.getOrDefault("BatchVerifyBenchmark.jcsLeaves", Map.of()).get(p)),
                        micros(by.getOrDefault("BatchVerifyBenchmark.merkleRoot", Map.of()).get(p)),
                        micros(by.getOrDefault("BatchVerifyBenchmark.recordIds", Map.of()).get(p)));
            }
        }
    }

    private static String params(JsonNode params) {
        StringBuilder sb = new StringBuilder();
        params.fields().forEachRemaining(e -> sb.append(sb.isEmpty() ? "" : " ").append(e.getKey()).append('=')
                .append(e.getValue().asText()));
        return sb.toString();
    }

    private static String unit(String name) {
        if (name.startsWith("NormalizeBenchmark")) {
            return "rows/s";
        }
        if (name.startsWith("BatchVerifyBenchmark")) {
            return "records/s";
        }
        return "ops/s";
    }

    private static String mb(Score s) {
        return s == null || s.inputMB() == null ? "" : String.format("%.1f", s.inputMB());
    }

    private static String num(Score s) {
        return s == null ? "" : String.format("%,.0f", s.score());
    }

    /** time(s) ÷ time(hash) as "1.23×", from two records/s scores. */
    private static String ratio(Score hash, Score s) {
        return hash == null || s == null ? "" : String.format("%.2f×", hash.score() / s.score());
    }

    private static String micros(Score s) {
        return s == null ? "" : String.format("%.2f", 1e6 / s.score());
    }
}
