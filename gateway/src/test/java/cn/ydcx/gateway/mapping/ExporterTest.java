package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.IdType;
import cn.ydcx.gateway.model.LicenseCategory;
import cn.ydcx.gateway.model.LicenseData;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.model.Op;
import cn.ydcx.gateway.model.Org;
import cn.ydcx.gateway.model.PenaltyData;
import cn.ydcx.gateway.model.PenaltyType;
import cn.ydcx.gateway.model.Subject;
import cn.ydcx.gateway.model.SubjectCategory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writer details per format, checked on the exact native text. */
class ExporterTest {
    static final MappingRegistry REGISTRY = TestMappings.registry();
    static final Org AUTH = new Org("上海市市场监督管理局", ZjCsv.AUTHORITY_USCC);
    static final Subject COMPANY = new Subject("上海（浦东）新材料有限公司", SubjectCategory.LEGAL_ENTITY, "913304007429141869",
            "沈国平", null, null);
    static final Subject PERSON = new Subject("张三", SubjectCategory.NATURAL_PERSON, null, null, IdType.PASSPORT, "E1234567");

    static CanonicalRecord penalty(String key, List<PenaltyType> types, String fine, String facts, String licenseAction) {
        return CanonicalRecord.of(NodeCode.ZJ, Op.UPSERT, COMPANY, new PenaltyData(key, null, facts, "《广告法》第五十五条",
                types, "罚款", fine, null, licenseAction, "2025-03-07", null, null, AUTH, AUTH, null));
    }

    static CanonicalRecord license(String validTo) {
        return CanonicalRecord.of(NodeCode.SH, Op.UPSERT, PERSON, new LicenseData("沪许〔2024〕1号", "食品经营许可决定书",
                LicenseCategory.GENERAL, null, null, "食品销售", "2024-02-29", "2024-02-29", validTo, AUTH, AUTH, null, null));
    }

    record Out(ExportSummary summary, byte[] bytes) {
        String text(Charset cs) {
            return new String(bytes, cs);
        }
    }

    static Out export(NodeCode node, Dataset d, CanonicalRecord... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportSummary s = new Exporter(REGISTRY).export(node, d, List.of(records).iterator(), out);
        return new Out(s, out.toByteArray());
    }

    @Test
    void jsXmlIsGbkWithWanYuanExactlyAndEscapedText() {
        Out o = export(NodeCode.JS, Dataset.PENALTY,
                penalty("P1", List.of(PenaltyType.WARNING, PenaltyType.FINE), "12345.68", "a<b & c>d \"e\"", null),
                penalty("P2", List.of(PenaltyType.CONFISCATION), null, "无", null));
        assertThat(o.summary().complete()).isTrue();
        String xml = o.text(Charset.forName("GBK"));
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"GBK\"?>\n<XZCF>\n  <RECORD>\n")
                .contains("<CF_NR_FK>1.234568</CF_NR_FK>")
                .contains("<CF_SY>a&lt;b &amp; c&gt;d \"e\"</CF_SY>")
                .contains("<CF_CFLB>警告;罚款</CF_CFLB>")
                .contains("<CF_CFLB>没收违法所得</CF_CFLB>")
                .contains("<CF_XDR_LB>法人及非法人组织</CF_XDR_LB>")
                .contains("<CF_JDRQ>2025-03-07</CF_JDRQ>")
                .contains("<CF_YXQ/>")
                .endsWith("  </RECORD>\n</XZCF>\n");
        assertThat(o.bytes()).isEqualTo(xml.getBytes(Charset.forName("GBK")));
    }

    @Test
    void wanYuanIsNeverRoundedNorExponent() {
        for (String[] c : new String[][] {{"0.00", "0"}, {"0.01", "0.000001"}, {"2000.00", "0.2"},
                {"100000000.00", "10000"}, {"99999999999.99", "9999999.999999"}}) {
            String xml = export(NodeCode.JS, Dataset.PENALTY, penalty("W", List.of(PenaltyType.FINE), c[0], "x", null))
                    .text(Charset.forName("GBK"));
            assertThat(xml).contains("<CF_NR_FK>" + c[1] + "</CF_NR_FK>");
        }
    }

    @Test
    void permanentValidToIsChangQiForLabelNodesAndTheDateForSh() {
        assertThat(export(NodeCode.JS, Dataset.LICENSE, license("9999-12-31")).text(Charset.forName("GBK")))
                .contains("<XK_YXQZI>长期</XK_YXQZI>").contains("<XK_XDR_ZJLX>护照</XK_XDR_ZJLX>");
        assertThat(export(NodeCode.SH, Dataset.LICENSE, license("9999-12-31")).text(StandardCharsets.UTF_8))
                .contains("\"validTo\":\"9999-12-31\"").contains("\"idType\":\"PASSPORT\"");
    }

    @Test
    void shJsonLinesHasNumbersArraysAndOmitsAbsentValues() {
        String line = export(NodeCode.SH, Dataset.PENALTY,
                penalty("S1", List.of(PenaltyType.WARNING, PenaltyType.FINE), "12345.60", "事实", null))
                .text(StandardCharsets.UTF_8);
        assertThat(line).endsWith("}\n").doesNotContain("null").doesNotContain("licenseAction")
                .contains("\"penaltyTypes\":[\"WARNING\",\"FINE\"]")
                .contains("\"fineAmountYuan\":12345.60,")
                .contains("\"subjectCategory\":\"LEGAL_ENTITY\"")
                .startsWith("{\"subjectName\":\"上海（浦东）新材料有限公司\"");
        assertThat(line.lines()).hasSize(1);
    }

    @Test
    void zjCsvHasBomHeaderAndQuotesDelimitersAndQuotes() {
        Out o = export(NodeCode.ZJ, Dataset.PENALTY,
                penalty("Z1", List.of(PenaltyType.FINE), "199500.00", "含逗号,和\"引号\"", null));
        String csv = o.text(StandardCharsets.UTF_8);
        assertThat(o.bytes()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv).startsWith("\uFEFF行政相对人名称,行政相对人类别,统一社会信用代码,")
                .contains(",\"含逗号,和\"\"引号\"\"\",")
                .contains(",199500.00,")
                .contains(",2025/3/7,")
                .endsWith("\r\n");
    }

    @Test
    void ahDelimitedUsesNumericCodesTwoTypeColumnsAndReportsWhatItCannotCarry() {
        Out o = export(NodeCode.AH, Dataset.PENALTY,
                penalty("A1", List.of(PenaltyType.WARNING, PenaltyType.FINE), "2000.00", "含|竖线 𠮷", "吊销许可证 SC123"),
                penalty("A2", List.of(PenaltyType.WARNING, PenaltyType.FINE, PenaltyType.OTHER), "2000.00", "三种", null));
        String text = o.text(Charset.forName("GB18030"));
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("CF_XDR_MC|CF_XDR_LB|")
                .contains("|CF_CFLB1|CF_CFLB2|");
        assertThat(text).contains("|1|913304007429141869|").contains("|警告|罚款|").contains("|0.2|")
                .contains("|20250307|").contains("|\"含|竖线 𠮷\"|");
        assertThat(o.summary().written()).isEqualTo(1);
        assertThat(o.summary().dropped()).containsExactly(java.util.Map.entry("data.licenseAction", 1L));
        assertThat(o.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(2);
            assertThat(p.sourceKey()).isEqualTo("A2");
            assertThat(p.message()).contains("data.penaltyTypes has 3 codes").contains("only 2 columns");
        });
        assertThat(text).doesNotContain("三种");
    }

    @Test
    void aCharacterGbkCannotHoldFailsThatRecordNamingTheField() {
        Out o = export(NodeCode.JS, Dataset.PENALTY,
                penalty("G1", List.of(PenaltyType.WARNING), null, "吉野家𠮷野家", null),
                penalty("G2", List.of(PenaltyType.WARNING), null, "正常", null));
        assertThat(o.summary().problems()).singleElement().satisfies(p -> {
            assertThat(p.sourceKey()).isEqualTo("G1");
            assertThat(p.message()).isEqualTo("data.violationFacts contains '𠮷' (U+20BB7), which GBK cannot encode");
        });
        String xml = o.text(Charset.forName("GBK"));
        assertThat(xml).contains("<CF_WSH>G2</CF_WSH>").doesNotContain("G1").doesNotContain("吉野家");
    }

    @Test
    void controlCharactersXmlCannotCarryAndRetractionsAreProblems() {
        Out o = export(NodeCode.JS, Dataset.PENALTY,
                penalty("C1", List.of(PenaltyType.WARNING), null, "bell\u0007", null),
                penalty("C2", List.of(PenaltyType.WARNING), null, "ok", null).withOp(Op.RETRACT));
        assertThat(o.summary().problems()).extracting(ExportProblem::message).containsExactly(
                "data.violationFacts contains U+0007, which XML 1.0 cannot carry",
                "op RETRACT cannot be expressed in a native file (native files only carry current records)");
        assertThat(o.summary().failed()).isEqualTo(2);
        assertThat(o.text(Charset.forName("GBK"))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<XZCF>\n</XZCF>\n");
    }
}
