package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.IdType;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.model.PenaltyData;
import cn.ydcx.gateway.model.PenaltyType;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules of SPEC §2 on small ZJ penalty files, one concern per test. */
class NormalizerTest {
    static Normalizer normalizer;

    @BeforeAll
    static void load() {
        normalizer = new Normalizer(MappingRegistry.load(MappingSource.directory(Path.of("mappings"))));
    }

    static CollectingSink run(byte[] file) {
        CollectingSink sink = new CollectingSink();
        normalizer.normalize(NodeCode.ZJ, Dataset.PENALTY, new ByteArrayInputStream(file), sink);
        return sink;
    }

    static CollectingSink run(ZjCsv csv) {
        return run(csv.bytes());
    }

    static List<String> reasonsOfOnlyRow(ZjCsv csv) {
        CollectingSink s = run(csv);
        assertThat(s.records).isEmpty();
        assertThat(s.rejects).hasSize(1);
        return s.rejects.get(0).reasons();
    }

    static CanonicalRecord onlyRecord(ZjCsv csv) {
        CollectingSink s = run(csv);
        assertThat(s.rejects).isEmpty();
        assertThat(s.records).hasSize(1);
        return s.records.get(0);
    }

    // ------------------------------------------------------------------ accepted rows

    @Test
    void validRowBecomesTheCanonicalRecord() {
        CanonicalRecord r = onlyRecord(new ZjCsv().row());
        assertThat(r.sourceKey()).isEqualTo("杭市监罚〔2025〕1号");
        assertThat(r.recordId()).isEqualTo(ZjPenaltySampleGenerator.recordId("ZJ", "penalty", "杭市监罚〔2025〕1号"));
        assertThat(r.op().name()).isEqualTo("UPSERT");
        PenaltyData d = (PenaltyData) r.data();
        assertThat(d.fineAmount()).isEqualTo("2000.00");
        assertThat(d.decisionDate()).isEqualTo("2025-03-07");
        assertThat(d.penaltyTypes()).containsExactly(PenaltyType.FINE);
        assertThat(d.remark()).isNull();
    }

    @Test
    void penaltyTypesSplitOnBothSemicolonsKeepOrderAndDropRepeats() {
        PenaltyData d = (PenaltyData) onlyRecord(new ZjCsv().row("处罚类别", " 警告;罚款 ；；没收非法财物；警告；罚款；其他-责令改正；")).data();
        assertThat(d.penaltyTypes()).containsExactly(PenaltyType.WARNING, PenaltyType.FINE, PenaltyType.CONFISCATION,
                PenaltyType.OTHER);
    }

    @Test
    void individualBusinessMayLackUsccAndNonFinePenaltyMayLackAmount() {
        CanonicalRecord r = onlyRecord(new ZjCsv().row("行政相对人类别", "个体工商户", "统一社会信用代码", "",
                "处罚类别", "警告", "罚款金额（元）", ""));
        assertThat(r.subject().uscc()).isNull();
        assertThat(((PenaltyData) r.data()).fineAmount()).isNull();
    }

    @Test
    void naturalPersonWithIdCardOrPassport() {
        CanonicalRecord r = onlyRecord(new ZjCsv().row("行政相对人名称", "王伟", "行政相对人类别", "自然人", "统一社会信用代码", "",
                "法定代表人", "", "证件类型", "身份证", "证件号码", ZjCsv.PERSON_ID.toLowerCase()));
        assertThat(r.subject().idType()).isEqualTo(IdType.ID_CARD);
        assertThat(r.subject().idNumber()).isEqualTo(ZjCsv.PERSON_ID);
        onlyRecord(new ZjCsv().row("行政相对人类别", "自然人", "统一社会信用代码", "", "证件类型", "护照", "证件号码", "E12345678"));
    }

    @Test
    void quotedValuesMayContainDelimiterQuotesAndLineBreaks() {
        PenaltyData d = (PenaltyData) onlyRecord(new ZjCsv().row("违法事实", "甲, 乙\"丙\"\r\n丁")).data();
        assertThat(d.violationFacts()).isEqualTo("甲, 乙\"丙\" 丁");
    }

    @Test
    void blankLinesAreNotRows() {
        CollectingSink s = run(new ZjCsv().row().raw("").raw("").row("罚款金额（元）", "-1"));
        assertThat(s.records).hasSize(1);
        assertThat(s.rejects).singleElement().extracting(Reject::row).isEqualTo(2L);
    }

    // ------------------------------------------------------------------ rejected rows

    @Test
    void everyReasonOfARowIsReportedInFieldOrder() {
        List<String> reasons = reasonsOfOnlyRow(new ZjCsv().row("行政相对人名称", "\u3000", "统一社会信用代码", "913304007429141868",
                "处罚类别", "罚款；限期整改", "罚款金额（元）", "", "处罚决定日期", "2023/2/30", "公示截止期", "长期",
                "处罚机关统一社会信用代码", "11330100002601000A", "数据来源单位", ""));
        assertThat(reasons).containsExactly("MISSING_REQUIRED:subject.name", "INVALID_USCC:subject.uscc",
                "UNKNOWN_CODE:data.penaltyTypes", "MISSING_REQUIRED:data.fineAmount", "BAD_DATE:data.decisionDate",
                "BAD_DATE:data.publicUntil", "INVALID_USCC:data.authority.uscc", "MISSING_REQUIRED:data.dataSource.name");
    }

    @Test
    void legalEntityNeedsUscc() {
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("统一社会信用代码", " \u200B "))).containsExactly("MISSING_REQUIRED:subject.uscc");
    }

    @Test
    void naturalPersonNeedsIdsAndMustNotCarryAUscc() {
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("行政相对人类别", "自然人"))).containsExactly(
                "INVALID_USCC:subject.uscc", "MISSING_REQUIRED:subject.idType", "MISSING_REQUIRED:subject.idNumber");
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("行政相对人类别", "自然人", "统一社会信用代码", "", "证件类型", "军官证",
                "证件号码", "123"))).containsExactly("UNKNOWN_CODE:subject.idType");
    }

    @Test
    void idCardNumbersMustPassGb11643() {
        String bad = ZjCsv.PERSON_ID.substring(0, 17) + (ZjCsv.PERSON_ID.endsWith("0") ? "1" : "0");
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("行政相对人类别", "自然人", "统一社会信用代码", "", "证件类型", "身份证",
                "证件号码", bad))).containsExactly("INVALID_ID_NUMBER:subject.idNumber");
        String feb30 = "33010619910230123";
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("行政相对人类别", "自然人", "统一社会信用代码", "", "证件类型", "身份证",
                "证件号码", ZjPenaltySampleGenerator.withCheck(feb30)))).containsExactly("INVALID_ID_NUMBER:subject.idNumber");
    }

    @Test
    void amountsAndCodes() {
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("罚款金额（元）", "-2000"))).containsExactly("BAD_AMOUNT:data.fineAmount");
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("没收违法所得金额（元）", "约三千"))).containsExactly(
                "BAD_AMOUNT:data.confiscatedAmount");
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("行政相对人类别", "企业"))).containsExactly("UNKNOWN_CODE:subject.category");
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("处罚类别", "其他-"))).containsExactly("UNKNOWN_CODE:data.penaltyTypes");
        assertThat(reasonsOfOnlyRow(new ZjCsv().row("处罚类别", " ； "))).containsExactly("MISSING_REQUIRED:data.penaltyTypes");
    }

    @Test
    void duplicateKeysAreComparedAfterCleanUpAndRejectedRowsStillCount() {
        CollectingSink s = run(new ZjCsv()
                .row("行政处罚决定书文号", "杭市监罚〔2025〕7号", "罚款金额（元）", "abc")
                .row("行政处罚决定书文号", " 杭市监罚〔２０２５〕７号\u200B")
                .row("行政处罚决定书文号", "杭市监罚（2025）7号")
                .row("行政处罚决定书文号", "杭市监罚(2025)7号"));
        assertThat(s.records).hasSize(1);
        assertThat(s.records.get(0).sourceKey()).isEqualTo("杭市监罚(2025)7号");
        assertThat(s.rejects).extracting(Reject::row).containsExactly(1L, 2L, 4L);
        assertThat(s.rejects.get(0).reasons()).containsExactly("BAD_AMOUNT:data.fineAmount");
        assertThat(s.rejects.get(1).reasons()).containsExactly("DUPLICATE_KEY");
        assertThat(s.rejects.get(1).sourceKey()).isEqualTo("杭市监罚〔2025〕7号");
        assertThat(s.rejects.get(2).reasons()).containsExactly("DUPLICATE_KEY");
    }

    @Test
    void wrongColumnCountOrBrokenQuoteIsMalformedAndNothingElse() {
        CollectingSink s = run(new ZjCsv()
                .raw(ZjCsv.baseLine("extra"))
                .raw("只有一列")
                .raw("\"名称\"x," + ZjCsv.baseLine().substring(ZjCsv.baseLine().indexOf(',') + 1))
                .row());
        assertThat(s.rejects).extracting(Reject::reasons).containsOnly(List.of("MALFORMED_ROW"));
        assertThat(s.rejects).extracting(Reject::row).containsExactly(1L, 2L, 3L);
        assertThat(s.rejects).extracting(Reject::sourceKey).containsOnlyNulls();
        assertThat(s.records).singleElement().extracting(CanonicalRecord::sourceKey).isEqualTo("杭市监罚〔2025〕1号");
    }

    // ------------------------------------------------------------------ whole-file failures

    @Test
    void fileNotInItsEncodingFailsNamingTheOffset() {
        byte[] gbk = new String(new ZjCsv().row().bytes(), StandardCharsets.UTF_8).getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> run(gbk)).isInstanceOf(UnreadableFileException.class)
                .hasMessageMatching("file is not valid UTF-8 at byte offset \\d+");
        byte[] truncated = java.util.Arrays.copyOf(new ZjCsv().row().bytes(), 5);
        assertThatThrownBy(() -> run(truncated)).hasMessage("file is not valid UTF-8 at byte offset 3");
    }

    @Test
    void emptyFileFails() {
        assertThatThrownBy(() -> run(new byte[0])).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> run(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'}))
                .hasMessageContaining("empty");
    }

    @Test
    void headerOnlyGivesNoRecords() {
        CollectingSink sink = new CollectingSink();
        NormalizeSummary s = normalizer.normalize(NodeCode.ZJ, Dataset.PENALTY,
                new ByteArrayInputStream(new ZjCsv().bytes()), sink);
        assertThat(s).isEqualTo(new NormalizeSummary(0, 0, 0));
        assertThat(sink.records).isEmpty();
        assertThat(sink.rejects).isEmpty();
    }

    @Test
    void headerWithoutAMappedColumnFailsNamingIt() {
        String csv = new String(new ZjCsv().row().bytes(), StandardCharsets.UTF_8).replace("处罚决定日期", "决定日期");
        assertThatThrownBy(() -> run(csv.getBytes(StandardCharsets.UTF_8))).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("处罚决定日期 (required)");
        String other = "name,category\r\nx,y\r\n";
        assertThatThrownBy(() -> run(other.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("行政相对人名称");
    }

    @Test
    void unterminatedQuoteFailsTheFile() {
        ZjCsv csv = new ZjCsv().row().raw("\"never closed," + ZjCsv.baseLine());
        assertThatThrownBy(() -> run(csv)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("never closed");
    }

    @Test
    void unknownNodeDatasetCombination() {
        assertThatThrownBy(() -> normalizer.normalize(NodeCode.REGION, Dataset.PENALTY,
                new ByteArrayInputStream(new byte[0]), new CollectingSink()))
                .isInstanceOf(MappingException.class).hasMessageContaining("no mapping for REGION/penalty");
    }
}
