package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.cli.Main;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.validation.TextCleaner;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming at scale: a 2,000,000-row ZJ penalty CSV (the shipped sample repeated, decision
 * numbers made unique per copy) normalises in a child JVM limited to -Xmx256m, reports progress
 * on stderr, and the rejects file lists every bad row of every copy with the sample's reasons.
 */
class ZjPenaltyLargeFileTest {
    static final int TARGET_ROWS = 2_000_000;

    @Test
    void twoMillionRowsStreamInA256MbHeap(@TempDir Path dir) throws Exception {
        List<ZjPenaltySampleGenerator.Row> sample = new ZjPenaltySampleGenerator().generate().rows();
        int perCopy = sample.size();
        int copies = (TARGET_ROWS + perCopy - 1) / perCopy;
        long rows = (long) perCopy * copies;
        List<List<String>> sampleReasons = new ArrayList<>();
        long sampleRejects = 0;
        for (ZjPenaltySampleGenerator.Row r : sample) {
            sampleReasons.add(r.reasons);
            if (r.reasons != null) {
                sampleRejects++;
            }
            // only deliberately malformed rows are written verbatim; they carry no key
            assertThat(r.rawLine == null || r.reasons.equals(List.of("MALFORMED_ROW"))).isTrue();
        }
        Path csv = dir.resolve("big.csv");
        write(csv, sample, copies);

        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "normalize", "--node", "ZJ", "--dataset", "penalty",
                "--in", csv.toString(), "--out", out.toString(), "--rejects", rejects.toString())
                .redirectError(stderr.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        long t0 = System.nanoTime();
        boolean finished = p.waitFor(240, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("normalize finished").isTrue();
        List<String> err = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join("\n", err)).isZero();
        System.out.printf("ZjPenaltyLargeFileTest: %d rows in %.1f s child JVM wall time = %.0f rows/s (%d MB)%n",
                rows, seconds, rows / seconds, Files.size(csv) >> 20);

        long accepted = rows - sampleRejects * copies;
        assertThat(err).filteredOn(l -> l.endsWith(" rows so far")).hasSize((int) (rows / Normalizer.PROGRESS_EVERY));
        assertThat(err).contains("normalize ZJ/penalty: " + rows + " rows, " + accepted + " accepted, "
                + sampleRejects * copies + " rejected");
        assertThat(countLines(out)).isEqualTo(accepted);
        // every bad row of every copy, with the reasons the sample expects for it
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(rejects, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode j = Json.mapper().readTree(line);
                long row = j.get("row").asLong();
                List<String> reasons = new ArrayList<>();
                j.get("reasons").forEach(x -> reasons.add(x.asText()));
                assertThat(reasons).as("row %d", row).isEqualTo(sampleReasons.get((int) ((row - 1) % perCopy)));
                n++;
            }
        }
        assertThat(n).isEqualTo(sampleRejects * copies);
    }

    /** Copy k of the sample with "#k" appended to every decision number (copy 0 unchanged). */
    private static void write(Path csv, List<ZjPenaltySampleGenerator.Row> sample, int copies) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(ZjPenaltySampleGenerator.csvLine(ZjPenaltySampleGenerator.HEADER));
            w.write("\r\n");
            for (int k = 0; k < copies; k++) {
                String suffix = k == 0 ? "" : "#" + k;
                for (ZjPenaltySampleGenerator.Row r : sample) {
                    if (r.rawLine != null) {
                        w.write(r.rawLine);
                    } else {
                        String[] cells = r.cells.clone();
                        if (TextCleaner.clean(cells[6]) != null) {
                            cells[6] = cells[6] + suffix;
                        }
                        w.write(ZjPenaltySampleGenerator.csvLine(cells));
                    }
                    w.write("\r\n");
                }
            }
        }
    }

    private static long countLines(Path p) throws IOException {
        try (var lines = Files.lines(p, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }
}
