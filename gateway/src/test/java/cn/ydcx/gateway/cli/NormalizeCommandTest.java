package cn.ydcx.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NormalizeCommandTest {
    static final Path EXPECTED = Path.of("gateway/src/test/resources/expected/ZJ");

    private final StringWriter err = new StringWriter();

    private int normalize(String... args) {
        CommandLine cl = new CommandLine(new GatewayCli());
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "normalize";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    @Test
    void writesRecordsAndRejectsAsJsonLinesAndASummary(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("zj.jsonl");
        Path rej = dir.resolve("sub/zj.rejects.jsonl");
        int code = normalize("--node", "ZJ", "--dataset", "penalty", "--in", "samples/ZJ/penalty.csv",
                "--out", out.toString(), "--rejects", rej.toString());
        assertThat(code).isZero();
        assertThat(err.toString().strip()).isEqualTo("normalize ZJ/penalty: 241 rows, 212 accepted, 29 rejected");
        // byte for byte: UTF-8, one object per line, newline-terminated, SPEC field order
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(EXPECTED.resolve("penalty.records.jsonl"), StandardCharsets.UTF_8));
        assertThat(Files.readString(rej, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(EXPECTED.resolve("penalty.rejects.jsonl"), StandardCharsets.UTF_8));
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void unreadableFileExitsNonZeroWithOneLineAndLeavesNoOutput(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("gbk.csv");
        String text = Files.readString(Path.of("samples/ZJ/penalty.csv"), StandardCharsets.UTF_8);
        Files.write(in, text.getBytes(Charset.forName("GBK")));
        Path out = dir.resolve("out.jsonl");
        Path rej = dir.resolve("rej.jsonl");
        int code = normalize("--node", "ZJ", "--dataset", "penalty", "--in", in.toString(), "--out", out.toString(),
                "--rejects", rej.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("error: normalize ZJ/penalty: ").contains("not valid UTF-8 at byte offset");
        assertThat(out).doesNotExist();
        assertThat(rej).doesNotExist();
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void failureKeepsAnEarlierResultUntouched(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("empty.csv");
        Files.write(in, new byte[0]);
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "earlier\n");
        int code = normalize("--node", "ZJ", "--dataset", "penalty", "--in", in.toString(), "--out", out.toString(),
                "--rejects", dir.resolve("rej.jsonl").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("empty").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readString(out)).isEqualTo("earlier\n");
    }

    @Test
    void userErrorsAreOneLine(@TempDir Path dir) throws IOException {
        String out = dir.resolve("o").toString();
        String rej = dir.resolve("r").toString();
        assertThat(normalize("--node", "ZJ", "--dataset", "penalty", "--in", dir.resolve("nope.csv").toString(),
                "--out", out, "--rejects", rej)).isEqualTo(2);
        assertThat(normalize("--node", "XX", "--dataset", "penalty", "--in", "samples/ZJ/penalty.csv",
                "--out", out, "--rejects", rej)).isEqualTo(2);
        // every node now has every mapping: a tree with ZJ penalty only stands for a missing one
        Path partial = dir.resolve("partial-mappings");
        Files.createDirectories(partial.resolve("ZJ"));
        Files.copy(Path.of("mappings/codes.yaml"), partial.resolve("codes.yaml"));
        Files.copy(Path.of("mappings/ZJ/penalty.yaml"), partial.resolve("ZJ/penalty.yaml"));
        assertThat(normalize("--node", "SH", "--dataset", "penalty", "--in", "samples/ZJ/penalty.csv",
                "--out", out, "--rejects", rej, "--mappings", partial.toString())).isEqualTo(2);
        assertThat(normalize("--node", "ZJ", "--dataset", "penalty", "--in", "samples/ZJ/penalty.csv",
                "--out", out, "--rejects", out)).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(4).allMatch(l -> l.startsWith("error: normalize "));
        assertThat(err.toString()).contains("no such file", "unknown node 'XX'", "no mapping for SH/penalty",
                "must be different files");
        assertThat(leftovers(dir)).isEmpty();
    }

    private static java.util.List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
