package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole-file outcomes per format family (JS XML has its own, longer list in JsXmlReaderTest):
 * wrong encoding, empty file, header-only = zero records, far too many columns = MALFORMED_ROW.
 */
class WholeFileFailureTest {
    static final MappingRegistry REGISTRY = TestMappings.registry();

    static CollectingSink run(NodeCode n, Dataset d, byte[] bytes) {
        CollectingSink sink = new CollectingSink();
        new Normalizer(REGISTRY).normalize(n, d, new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    static String failure(NodeCode n, Dataset d, byte[] bytes) {
        Throwable t = catchThrowable(() -> run(n, d, bytes));
        assertThat(t).isInstanceOf(UnreadableFileException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    /** A native file of one valid record, written by the exporter. */
    static byte[] oneRecord(NodeCode n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(REGISTRY).export(n, Dataset.PENALTY, List.of(ExporterTest.penalty("F1",
                List.of(cn.ydcx.gateway.model.PenaltyType.FINE), "2000.00", "事实", null)).iterator(), out);
        return out.toByteArray();
    }

    static String headerOf(byte[] file, Charset cs) {
        return new String(file, cs).lines().findFirst().orElseThrow();
    }

    @Test
    void zjCsv() {
        byte[] file = oneRecord(NodeCode.ZJ);
        assertThat(run(NodeCode.ZJ, Dataset.PENALTY, file).records).hasSize(1);
        assertThat(failure(NodeCode.ZJ, Dataset.PENALTY, new byte[0])).contains("empty");
        String header = headerOf(file, StandardCharsets.UTF_8);
        CollectingSink headerOnly = run(NodeCode.ZJ, Dataset.PENALTY, (header + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(headerOnly.records).isEmpty();
        assertThat(headerOnly.rejects).isEmpty();
        assertThat(failure(NodeCode.ZJ, Dataset.PENALTY, new String(file, StandardCharsets.UTF_8)
                .getBytes(Charset.forName("GBK")))).contains("not valid UTF-8 at byte offset");
        tooManyColumns(NodeCode.ZJ, file, StandardCharsets.UTF_8, ",");
    }

    @Test
    void ahDelimited() {
        Charset gb = Charset.forName("GB18030");
        byte[] file = oneRecord(NodeCode.AH);
        assertThat(run(NodeCode.AH, Dataset.PENALTY, file).records).hasSize(1);
        assertThat(failure(NodeCode.AH, Dataset.PENALTY, new byte[0])).contains("empty");
        CollectingSink headerOnly = run(NodeCode.AH, Dataset.PENALTY, (headerOf(file, gb) + "\r\n").getBytes(gb));
        assertThat(headerOnly.records).isEmpty();
        assertThat(headerOnly.rejects).isEmpty();
        byte[] bad = file.clone();
        bad[bad.length - 5] = (byte) 0xFF; // 0xFF is never valid in GB18030
        assertThat(failure(NodeCode.AH, Dataset.PENALTY, bad)).contains("not valid GB18030 at byte offset");
        tooManyColumns(NodeCode.AH, file, gb, "|");
    }

    @Test
    void shJsonLines() {
        byte[] file = oneRecord(NodeCode.SH);
        assertThat(run(NodeCode.SH, Dataset.PENALTY, file).records).hasSize(1);
        assertThat(failure(NodeCode.SH, Dataset.PENALTY, new byte[0])).contains("empty");
        // JSON Lines has no header and each line stands alone: a file in another encoding has every line rejected
        String twoLines = new String(file, StandardCharsets.UTF_8) + new String(file, StandardCharsets.UTF_8)
                .replace("F1", "F2");
        CollectingSink gbk = run(NodeCode.SH, Dataset.PENALTY, twoLines.getBytes(Charset.forName("GBK")));
        assertThat(gbk.records).isEmpty();
        assertThat(gbk.rejects).extracting(Reject::reasons).containsExactly(List.of("MALFORMED_ROW"), List.of("MALFORMED_ROW"));
    }

    @Test
    void jsXmlRootOnlyIsZeroRecordsAndEmptyFails() {
        byte[] file = oneRecord(NodeCode.JS);
        assertThat(run(NodeCode.JS, Dataset.PENALTY, file).records).hasSize(1);
        assertThat(run(NodeCode.JS, Dataset.PENALTY, "<XZCF></XZCF>".getBytes(StandardCharsets.US_ASCII)).records).isEmpty();
        assertThat(failure(NodeCode.JS, Dataset.PENALTY, new byte[0])).contains("empty");
    }

    /** A row with thousands of extra columns is MALFORMED_ROW for that row only. */
    private static void tooManyColumns(NodeCode n, byte[] file, Charset cs, String delimiter) {
        String text = new String(file, cs);
        String[] lines = text.split("\r\n");
        String row = lines[1];
        String wide = row.replace("F1", "F9") + delimiter.repeat(100_000) + "x";
        String all = lines[0] + "\r\n" + wide + "\r\n" + row + "\r\n";
        CollectingSink s = run(n, Dataset.PENALTY, all.getBytes(cs));
        assertThat(s.rejects).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(1);
            assertThat(r.reasons()).containsExactly("MALFORMED_ROW");
        });
        assertThat(s.records).hasSize(1);
    }
}
