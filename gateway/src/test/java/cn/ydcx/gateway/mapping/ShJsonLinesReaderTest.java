package cn.ydcx.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.IdType;
import cn.ydcx.gateway.model.LicenseData;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.model.PenaltyData;
import cn.ydcx.gateway.model.PenaltyType;
import cn.ydcx.gateway.model.SubjectCategory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SH JSON Lines reading (SPEC §3 SH column): values, row numbers, per-line MALFORMED_ROW, whole-file errors. */
class ShJsonLinesReaderTest {
    static final String AUTH = ZjCsv.AUTHORITY_USCC;
    static Normalizer normalizer;

    @BeforeAll
    static void load() {
        normalizer = new Normalizer(MappingRegistry.load(MappingSource.directory(Path.of("mappings"))));
    }

    static String penalty(String decisionNumber, String extra) {
        return "{\"subjectName\":\"上海(浦东)新材料有限公司\",\"subjectCategory\":\"LEGAL_ENTITY\","
                + "\"uscc\":\"913304007429141869\",\"decisionNumber\":\"" + decisionNumber + "\","
                + "\"violationFacts\":\"当事人发布虚假广告。\",\"legalBasis\":\"《广告法》第五十五条\","
                + "\"penaltyTypes\":[\"WARNING\",\"FINE\",\"WARNING\"],\"content\":\"警告；罚款\","
                + "\"fineAmountYuan\":12345.675,\"decisionDate\":\"2025-03-07\","
                + "\"authorityName\":\"上海市市场监督管理局\",\"authorityUscc\":\"" + AUTH + "\","
                + "\"dataSourceName\":\"上海市市场监督管理局\",\"dataSourceUscc\":\"" + AUTH + "\"" + extra + "}";
    }

    static CollectingSink run(Dataset d, byte[] bytes) {
        CollectingSink sink = new CollectingSink();
        normalizer.normalize(NodeCode.SH, d, new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsKeysCodesArraysAndExactAmounts() {
        CollectingSink s = run(Dataset.PENALTY, utf8(penalty("沪市监罚〔2025〕1号",
                ",\"confiscatedAmountYuan\":1.5E4,\"remark\":null,\"unknownKey\":{\"a\":[1,2]}") + "\n"));
        assertThat(s.rejects).isEmpty();
        CanonicalRecord r = s.records.get(0);
        assertThat(r.subject().name()).isEqualTo("上海（浦东）新材料有限公司");
        assertThat(r.subject().category()).isEqualTo(SubjectCategory.LEGAL_ENTITY);
        PenaltyData d = (PenaltyData) r.data();
        assertThat(d.penaltyTypes()).containsExactly(PenaltyType.WARNING, PenaltyType.FINE);
        assertThat(d.fineAmount()).isEqualTo("12345.68"); // half-up on the literal, not on a double
        assertThat(d.confiscatedAmount()).isEqualTo("15000.00");
        assertThat(d.remark()).isNull();
        assertThat(r.source()).isEqualTo(NodeCode.SH);
    }

    @Test
    void chineseLabelsAreUnknownCodesForSh() {
        CollectingSink s = run(Dataset.PENALTY, utf8(penalty("沪1号", "").replace("\"LEGAL_ENTITY\"", "\"法人及非法人组织\"")));
        assertThat(s.rejects).singleElement().satisfies(r ->
                assertThat(r.reasons()).containsExactly("UNKNOWN_CODE:subject.category"));
    }

    @Test
    void rowNumbersCountNonBlankLinesAndBadLinesAreMalformedOnly() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a BOM is tolerated
        b.writeBytes(utf8(penalty("A1", "") + "\r\n\n   \n"));
        b.writeBytes(utf8("{\"subjectName\": \"truncated\n"));                               // row 2: does not parse
        b.writeBytes(utf8(penalty("A3", "").replace("上海", "\u0000x").substring(0, 10)));     // row 3: garbage
        b.writeBytes(new byte[] {'\n'});
        b.writeBytes(penalty("A4", "").getBytes(Charset.forName("GBK")));                     // row 4: not UTF-8
        b.writeBytes(utf8("\n[1,2]\n"));                                                       // row 5: not an object
        b.writeBytes(utf8(penalty("A6", ",\"decisionNumber\":\"A6b\"") + "\n"));             // row 6: key twice
        b.writeBytes(utf8(penalty("A7", ",\"remark\":{\"x\":1}") + "\n"));                   // row 7: object as value
        b.writeBytes(utf8(penalty("A8", ",\"remark\":true") + "\n"));                        // row 8: boolean
        b.writeBytes(utf8(penalty("A9", "") + " {}\n"));                                       // row 9: trailing content
        b.writeBytes(utf8(penalty("A10", "").replace("\"2025-03-07\"", "\"2025/03/07\"") + "\n")); // row 10: bad date
        b.writeBytes(utf8(penalty("A1", "")));                                                 // row 11: duplicate, no final newline
        CollectingSink s = run(Dataset.PENALTY, b.toByteArray());
        assertThat(s.records).extracting(CanonicalRecord::sourceKey).containsExactly("A1");
        assertThat(s.rejects).extracting(Reject::row).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(s.rejects.subList(0, 8)).allSatisfy(r -> {
            assertThat(r.reasons()).containsExactly("MALFORMED_ROW");
            assertThat(r.sourceKey()).isNull();
        });
        assertThat(s.rejects.get(8).reasons()).containsExactly("BAD_DATE:data.decisionDate");
        assertThat(s.rejects.get(9).reasons()).containsExactly("DUPLICATE_KEY");
    }

    @Test
    void aWholeFileInAnotherEncodingHasEveryLineRejected() {
        String text = penalty("沪1号", "") + "\n" + penalty("沪2号", "") + "\n";
        CollectingSink s = run(Dataset.PENALTY, text.getBytes(Charset.forName("GBK")));
        assertThat(s.records).isEmpty();
        assertThat(s.rejects).extracting(Reject::reasons).containsOnly(List.of("MALFORMED_ROW")).hasSize(2);
    }

    @Test
    void anOverlongLineIsMalformedAndTheNextLineStillReads() {
        String longLine = penalty("L1", ",\"remark\":\"" + "长".repeat(JsonLinesRowReader.MAX_LINE_BYTES / 3 + 10) + "\"");
        CollectingSink s = run(Dataset.PENALTY, utf8(longLine + "\n" + penalty("L2", "") + "\n"));
        assertThat(s.rejects).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(1);
            assertThat(r.reasons()).containsExactly("MALFORMED_ROW");
        });
        assertThat(s.records).extracting(CanonicalRecord::sourceKey).containsExactly("L2");
    }

    @Test
    void emptyFileFailsButAnyLineMakesItAFile() {
        assertThatThrownBy(() -> run(Dataset.PENALTY, new byte[0]))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> run(Dataset.PENALTY, utf8("\n \n")))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("empty");
    }

    @Test
    void licenseValidToAcceptsPermanentAndIdentifiersAreCleaned() {
        String line = "{\"subjectName\":\"张三\",\"subjectCategory\":\"NATURAL_PERSON\",\"idType\":\"PASSPORT\","
                + "\"idNumber\":\"e1234567\",\"documentName\":\"食品经营许可决定书\",\"licenseNumber\":\"ＪＹ 3101\","
                + "\"category\":\"GENERAL\",\"content\":\"食品销售\",\"decisionDate\":\"2024-02-29\","
                + "\"validFrom\":\"2024-02-29\",\"validTo\":\"长期\",\"authorityName\":\"上海市市场监督管理局\","
                + "\"authorityUscc\":\"" + AUTH + "\",\"dataSourceName\":\"上海市市场监督管理局\",\"dataSourceUscc\":\""
                + AUTH + "\",\"status\":\"VALID\"}";
        CollectingSink s = run(Dataset.LICENSE, utf8(line));
        assertThat(s.rejects).isEmpty();
        CanonicalRecord r = s.records.get(0);
        assertThat(r.sourceKey()).isEqualTo("JY3101");
        assertThat(r.subject().idType()).isEqualTo(IdType.PASSPORT);
        assertThat(r.subject().idNumber()).isEqualTo("E1234567");
        assertThat(((LicenseData) r.data()).validTo()).isEqualTo("9999-12-31");
    }
}
