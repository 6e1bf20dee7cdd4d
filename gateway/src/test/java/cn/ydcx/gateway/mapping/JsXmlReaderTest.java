package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.model.PenaltyData;
import cn.ydcx.gateway.model.PenaltyType;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JS XML reading: GBK, record shape, row numbers, and every whole-file failure (XXE, billion laughs ...). */
class JsXmlReaderTest {
    static final Charset GBK = Charset.forName("GBK");
    static final String AUTH = ZjCsv.AUTHORITY_USCC;
    static Normalizer normalizer;

    @BeforeAll
    static void load() {
        normalizer = new Normalizer(MappingRegistry.load(MappingSource.directory(Path.of("mappings"))));
    }

    static String record(String decisionNumber, String extra) {
        return "<RECORD><CF_XDR_MC>南京(江宁)建材有限公司</CF_XDR_MC><CF_XDR_LB>法人及非法人组织</CF_XDR_LB>"
                + "<CF_XDR_SHXYM>913304007429141869</CF_XDR_SHXYM><CF_WSH>" + decisionNumber + "</CF_WSH>"
                + "<CF_SY>当事人&lt;未&gt;按规定 &amp; 处置</CF_SY><CF_YJ><![CDATA[《安全生产法》<第九十九条>]]></CF_YJ>"
                + "<CF_CFLB>警告；罚款</CF_CFLB><CF_NR>警告；罚款</CF_NR><CF_NR_FK>1.2345675</CF_NR_FK>"
                + "<CF_JDRQ>2025-03-07</CF_JDRQ><CF_YXQ></CF_YXQ><CF_GSJZQ/>"
                + "<CF_CFJG>南京市应急管理局</CF_CFJG><CF_CFJGDM>" + AUTH + "</CF_CFJGDM><CF_SJLY>南京市应急管理局</CF_SJLY>"
                + "<CF_SJLYDM>" + AUTH + "</CF_SJLYDM>" + extra + "</RECORD>\n";
    }

    static String doc(String body) {
        return "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<XZCF>\n" + body + "</XZCF>\n";
    }

    static CollectingSink run(byte[] bytes) {
        CollectingSink sink = new CollectingSink();
        normalizer.normalize(NodeCode.JS, Dataset.PENALTY, new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    static String failure(byte[] bytes) {
        CollectingSink sink = new CollectingSink();
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
                normalizer.normalize(NodeCode.JS, Dataset.PENALTY, new ByteArrayInputStream(bytes), sink));
        assertThat(t).isInstanceOf(UnreadableFileException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    @Test
    void readsGbkRecordsWithEscapesCdataAndWanYuan() {
        CollectingSink s = run(doc(record("苏应急罚〔2025〕1号", "<UNKNOWN_ELEMENT>ignored</UNKNOWN_ELEMENT>")).getBytes(GBK));
        assertThat(s.rejects).isEmpty();
        CanonicalRecord r = s.records.get(0);
        PenaltyData d = (PenaltyData) r.data();
        assertThat(r.subject().name()).isEqualTo("南京（江宁）建材有限公司");
        assertThat(d.violationFacts()).isEqualTo("当事人<未>按规定 & 处置");
        assertThat(d.legalBasis()).isEqualTo("《安全生产法》<第九十九条>");
        assertThat(d.penaltyTypes()).containsExactly(PenaltyType.WARNING, PenaltyType.FINE);
        assertThat(d.fineAmount()).isEqualTo("12345.68"); // 万元 × 10000, half-up
        assertThat(d.validUntil()).isNull();
        assertThat(d.publicUntil()).isNull();
    }

    @Test
    void rowsAreRecordPositionsAndBadRecordsAreMalformedOnly() {
        String body = record("R1", "")
                + record("R2", "<CF_WSH>R2b</CF_WSH>")                 // field twice
                + record("R3", "").replace("<CF_NR>警告；罚款</CF_NR>", "<CF_NR>警告<b>x</b></CF_NR>") // nested element
                + record("R4", "stray text")
                + record("R5", "").replace("2025-03-07", "2025-02-30")
                + record("R1", "");
        CollectingSink s = run(doc(body).getBytes(GBK));
        assertThat(s.records).extracting(CanonicalRecord::sourceKey).containsExactly("R1");
        assertThat(s.rejects).extracting(Reject::row).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(s.rejects.subList(0, 3)).allSatisfy(r -> assertThat(r.reasons()).containsExactly("MALFORMED_ROW"));
        assertThat(s.rejects.get(3).reasons()).containsExactly("BAD_DATE:data.decisionDate");
        assertThat(s.rejects.get(4).reasons()).containsExactly("DUPLICATE_KEY");
    }

    @Test
    void rootOnlyIsZeroRecords() {
        assertThat(run("<?xml version=\"1.0\" encoding=\"GBK\"?><XZCF/>".getBytes(GBK)).records).isEmpty();
        assertThat(run("<XZCF>\n</XZCF>".getBytes(GBK)).rejects).isEmpty();
    }

    @Test
    void xxePayloadIsNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<!DOCTYPE XZCF [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<XZCF>" + record("&xxe;", "") + "</XZCF>";
        String msg = failure(xxe.getBytes(GBK));
        assertThat(msg).contains("DOCTYPE").doesNotContain("TOP-SECRET");
    }

    @Test
    void billionLaughsIsNeverExpanded() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE XZCF [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd + "<XZCF>" + record("&lol9;", "") + "</XZCF>";
        long t0 = System.nanoTime();
        assertThat(failure(bomb.getBytes(GBK))).contains("DOCTYPE");
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }

    @Test
    void anUndeclaredEntityFailsTheFile() {
        assertThat(failure(doc(record("&foo;", "")).getBytes(GBK))).contains("line 3");
    }

    @Test
    void truncatedXmlFailsNamingThePosition() {
        byte[] full = doc(record("T1", "") + record("T2", "")).getBytes(GBK);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 40);
        assertThat(failure(cut)).startsWith("XML is not well-formed at line 4, column");
    }

    @Test
    void wrongRootOrStrayElementFailsTheFile() {
        assertThat(failure(("<XZXK>" + record("W1", "") + "</XZXK>").getBytes(GBK)))
                .contains("root element is <XZXK>, expected <XZCF>");
        assertThat(failure(doc(record("W1", "").replace("RECORD>", "RECROD>")).getBytes(GBK)))
                .contains("unexpected element <RECROD>");
    }

    @Test
    void aFileNotInGbkFails() {
        // UTF-8 bytes that are not valid GBK (a lead byte followed by '<')
        byte[] utf8 = doc(record("U1", "").replace("南京市应急管理局</CF_SJLY>", "南京市应急管理局司</CF_SJLY>"))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(failure(utf8)).contains("not valid GBK at byte offset");
        // declared UTF-8: would decode as GBK garbage without error, so the declaration is checked
        String declaredUtf8 = doc(record("U2", "")).replace("encoding=\"GBK\"", "encoding=\"UTF-8\"");
        assertThat(failure(declaredUtf8.getBytes(StandardCharsets.UTF_8))).contains("declares encoding UTF-8");
        assertThat(run(doc(record("U3", "")).replace("GBK", "GB2312").getBytes(GBK)).records).hasSize(1);
    }

    @Test
    void emptyFileFails() {
        assertThat(failure(new byte[0])).contains("empty");
        assertThat(failure("   ".getBytes(GBK))).contains("not well-formed");
    }
}
