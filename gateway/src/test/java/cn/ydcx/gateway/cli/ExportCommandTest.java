package cn.ydcx.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** export CLI: ZJ sample → canonical → every node's native format → canonical again; exit codes; no partial output. */
class ExportCommandTest {
    private final StringWriter err = new StringWriter();

    private int gateway(String... args) {
        CommandLine cl = new CommandLine(new GatewayCli());
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path canonicalZjSample(Path dir) {
        Path out = dir.resolve("zj.jsonl");
        assertThat(gateway("normalize", "--node", "ZJ", "--dataset", "penalty", "--in", "samples/ZJ/penalty.csv",
                "--out", out.toString(), "--rejects", dir.resolve("zj.rej.jsonl").toString())).isZero();
        return out;
    }

    @Test
    void exportsTheZjSampleToShAndJsAndBackToTheSameRecords(@TempDir Path dir) throws IOException {
        Path records = canonicalZjSample(dir);
        List<String> expected = Files.readAllLines(records, StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceAll("\"recordId\":\"[0-9a-f]{32}\",", "").replace("\"source\":\"ZJ\"", "\"source\":\"X\""))
                .toList();
        for (String[] nf : new String[][] {{"SH", "sh.jsonl"}, {"JS", "js.xml"}, {"ZJ", "zj.csv"}}) {
            Path nativeFile = dir.resolve(nf[1]);
            err.getBuffer().setLength(0);
            assertThat(gateway("export", "--node", nf[0], "--dataset", "penalty", "--in", records.toString(),
                    "--out", nativeFile.toString())).as(err.toString()).isZero();
            assertThat(err.toString().strip()).isEqualTo("export " + nf[0] + "/penalty: 212 records written to " + nativeFile);
            Path back = dir.resolve(nf[0] + ".back.jsonl");
            assertThat(gateway("normalize", "--node", nf[0], "--dataset", "penalty", "--in", nativeFile.toString(),
                    "--out", back.toString(), "--rejects", dir.resolve(nf[0] + ".rej.jsonl").toString())).isZero();
            List<String> actual = Files.readAllLines(back, StandardCharsets.UTF_8).stream()
                    .map(l -> l.replaceAll("\"recordId\":\"[0-9a-f]{32}\",", "")
                            .replace("\"source\":\"" + nf[0] + "\"", "\"source\":\"X\""))
                    .toList();
            assertThat(actual).as(nf[0]).isEqualTo(expected);
            assertThat(Files.readString(dir.resolve(nf[0] + ".rej.jsonl"))).isEmpty();
        }
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void recordsTheFormatCannotHoldFailTheRunAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path records = canonicalZjSample(dir);
        String lines = Files.readString(records, StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.jsonl");
        String first = lines.lines().findFirst().orElseThrow();
        Files.writeString(bad, lines + first.replace("\"violationFacts\":\"", "\"violationFacts\":\"𠮷")
                .replaceFirst("\"decisionNumber\":\"", "\"decisionNumber\":\"X")
                .replaceFirst("\"sourceKey\":\"", "\"sourceKey\":\"X") + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("js.xml");
        Files.writeString(out, "earlier");
        err.getBuffer().setLength(0);
        assertThat(gateway("export", "--node", "JS", "--dataset", "penalty", "--in", bad.toString(), "--out",
                out.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString()).contains("error: export JS/penalty: record 213 (")
                .contains("contains '𠮷' (U+20BB7), which GBK cannot encode")
                .contains("1 of 213 records cannot be written in JS's format; nothing written");
        assertThat(Files.readString(out)).isEqualTo("earlier");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void fieldsTheNodeCannotCarryAreReportedAsWarnings(@TempDir Path dir) throws IOException {
        // AH penalty has no licenseAction / validUntil / publicUntil column (the test fixture mapping follows
        // SPEC §3) and two penalty-type columns, so only records with at most two types are given here.
        Path all = canonicalZjSample(dir);
        List<String> fit = Files.readAllLines(all, StandardCharsets.UTF_8).stream()
                .filter(l -> penaltyTypeCount(l) <= 2)
                .toList();
        long withValidUntil = fit.stream().filter(l -> l.contains("\"validUntil\"")).count();
        assertThat(withValidUntil).isPositive();
        Path records = dir.resolve("fit.jsonl");
        Files.write(records, fit, StandardCharsets.UTF_8);
        Path out = dir.resolve("ah.txt");
        err.getBuffer().setLength(0);
        assertThat(gateway("export", "--node", "AH", "--dataset", "penalty", "--in", records.toString(), "--out",
                out.toString(), "--mappings", cn.ydcx.gateway.mapping.TestMappingsAccess.dir().toString()))
                .as(err.toString()).isZero();
        assertThat(err.toString().lines()).contains("warning: export AH/penalty: AH penalty files have no field for "
                + "data.validUntil: dropped from " + withValidUntil + " of " + fit.size() + " records");
        assertThat(err.toString()).contains("data.publicUntil: dropped from ");
        assertThat(new String(Files.readAllBytes(out), Charset.forName("GB18030"))).startsWith("CF_XDR_MC|");
    }

    @Test
    void unreadableInputIsExitTwoWithOneLine(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"recordId\":\"x\"}\n");
        assertThat(gateway("export", "--node", "SH", "--dataset", "penalty", "--in", in.toString(), "--out",
                dir.resolve("o").toString())).isEqualTo(2);
        assertThat(gateway("export", "--node", "SH", "--dataset", "penalty", "--in", dir.resolve("nope").toString(),
                "--out", dir.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(2).allMatch(l -> l.startsWith("error: export SH/penalty: "));
        assertThat(err.toString()).contains("line 1: canonical record needs a string 'dataset'").contains("no such file");
        assertThat(dir.resolve("o")).doesNotExist();
        assertThat(leftovers(dir)).isEmpty();
    }

    private static int penaltyTypeCount(String line) {
        try {
            return cn.ydcx.gateway.model.Json.mapper().readTree(line).at("/data/penaltyTypes").size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
