package cn.ydcx.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CanonicalSchemaTest {
    static final Path EXPECTED = Path.of("gateway/src/test/resources/expected/ZJ/penalty.records.jsonl");

    static List<ObjectNode> sampleRecords() throws IOException {
        return Files.readAllLines(EXPECTED, StandardCharsets.UTF_8).stream().map(l -> {
            try {
                return (ObjectNode) Json.mapper().readTree(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void everyRecordOfTheZjSampleConforms() throws IOException {
        List<ObjectNode> records = sampleRecords();
        assertThat(records).hasSizeGreaterThan(200);
        for (ObjectNode r : records) {
            assertThat(CanonicalSchema.validate(r)).as(r.toString()).isEmpty();
        }
    }

    @Test
    void recordsOfTheOtherDatasetsConform() {
        Subject s = new Subject("安徽某某科技有限公司", SubjectCategory.LEGAL_ENTITY, "91340600MA2PBM9HXD", null, null, null);
        Org org = new Org("合肥市数据资源局", "91310000631696382C");
        List<RecordData> data = List.of(
                new LicenseData(null, "食品经营许可决定书", LicenseCategory.GENERAL, null, "JY13401000001", "准予许可",
                        "2025-01-02", "2025-01-02", LicenseData.PERMANENT, org, org, LicenseStatus.VALID, null),
                new DishonestyData(ListType.SERIOUS_DISHONESTY, Domain.TAX, "皖税失信〔2025〕1号", "偷税", "《税收征收管理法》",
                        org, "2025-01-02", null, DishonestyStatus.REMOVED, "2025-06-01", RemovalReason.REPAIRED),
                new ReportData("XYBG-2025-0001", org, Rating.AA, "2025-01-02", "2026-01-01", ReportPurpose.BIDDING, null,
                        "a".repeat(64)));
        for (RecordData d : data) {
            JsonNode json = CanonicalRecord.of(NodeCode.AH, Op.UPSERT, s, d).toJson();
            assertThat(CanonicalSchema.validate(json)).as(json.toString()).isEmpty();
        }
    }

    @Test
    void brokenRecordsFail() throws IOException {
        ObjectNode good = sampleRecords().get(0);
        assertFails(good, r -> data(r).put("fineAmount", "12.5"));
        assertFails(good, r -> data(r).put("fineAmount", 12.50));
        assertFails(good, r -> data(r).put("decisionDate", "2025/3/7"));
        assertFails(good, r -> ((ArrayNode) data(r).get("penaltyTypes")).add("PUNISHMENT"));
        assertFails(good, r -> ((ArrayNode) data(r).get("penaltyTypes")).add(data(r).get("penaltyTypes").get(0)));
        assertFails(good, r -> data(r).putNull("remark"));
        assertFails(good, r -> data(r).put("remark", ""));
        assertFails(good, r -> data(r).put("remark", " padded "));
        assertFails(good, r -> ((ObjectNode) r.get("subject")).put("category", "COMPANY"));
        assertFails(good, r -> ((ObjectNode) r.get("subject")).remove("uscc"));
        assertFails(good, r -> ((ObjectNode) data(r).get("authority")).put("uscc", "9131000063169638IO"));
        assertFails(good, r -> r.put("recordId", "ABC"));
        assertFails(good, r -> r.put("dataset", "license"));
        assertFails(good, r -> data(r).remove("fineAmount"));
        assertFails(good, r -> data(r).put("colour", "red"));
        assertFails(good, r -> r.put("op", "DELETE"));
    }

    private static ObjectNode data(ObjectNode r) {
        return (ObjectNode) r.get("data");
    }

    private static void assertFails(ObjectNode good, Consumer<ObjectNode> breakIt) {
        assertThat(CanonicalSchema.validate(good)).isEmpty();
        ObjectNode broken = good.deepCopy();
        breakIt.accept(broken);
        assertThat(CanonicalSchema.validate(broken)).as(broken.toString()).isNotEmpty();
    }
}
