package cn.ydcx.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalRecordTest {

    @Test
    void recordIdIsTheSpecHash() {
        // printf 'ZJ\npenalty\n杭市监罚〔2025〕123号' | sha256sum | cut -c1-32
        assertThat(RecordIds.of(NodeCode.ZJ, Dataset.PENALTY, "杭市监罚〔2025〕123号"))
                .isEqualTo("d6f4df903f3bc06d0678e5c8a1dc61d0");
    }

    @Test
    void serialisesToTheSpecObjectWithAbsentValuesOmittedAndParsesBack() throws IOException {
        Subject s = new Subject("王伟", SubjectCategory.NATURAL_PERSON, null, null, IdType.ID_CARD, "360426199101010071");
        PenaltyData d = new PenaltyData("杭市监罚〔2025〕1号", null, "事实", "依据", List.of(PenaltyType.WARNING), "警告",
                null, null, null, "2025-03-07", null, null, new Org("杭州市市场监督管理局", "91310000631696382C"),
                new Org("杭州市市场监督管理局", "91310000631696382C"), null);
        CanonicalRecord r = CanonicalRecord.of(NodeCode.ZJ, Op.UPSERT, s, d);
        String json = Json.mapper().writeValueAsString(r);
        assertThat(json).doesNotContain("null").doesNotContain("\"\"");
        ObjectNode o = r.toJson();
        assertThat(o.fieldNames()).toIterable()
                .containsExactly("recordId", "dataset", "source", "sourceKey", "op", "subject", "data");
        assertThat(o.get("dataset").asText()).isEqualTo("penalty");
        assertThat(o.get("subject").has("uscc")).isFalse();
        assertThat(o.get("data").get("penaltyTypes").get(0).asText()).isEqualTo("WARNING");
        assertThat(r.hasValidRecordId()).isTrue();
        assertThat(CanonicalRecord.fromJson(Json.mapper().readTree(json))).isEqualTo(r);
        assertThat(Json.mapper().readValue(json, CanonicalRecord.class)).isEqualTo(r);
        assertThat(CanonicalSchema.validate(o)).isEmpty();
    }

    @Test
    void fromJsonNamesWhatIsWrong() throws IOException {
        JsonNode noData = Json.mapper().readTree("{\"recordId\":\"00\",\"dataset\":\"penalty\",\"source\":\"ZJ\","
                + "\"sourceKey\":\"k\",\"op\":\"UPSERT\",\"subject\":{}}");
        assertThatThrownBy(() -> CanonicalRecord.fromJson(noData)).hasMessageContaining("'data'");
        JsonNode badDataset = Json.mapper().readTree("{\"dataset\":\"fines\"}");
        assertThatThrownBy(() -> CanonicalRecord.fromJson(badDataset)).hasMessageContaining("unknown dataset 'fines'");
        JsonNode badCode = Json.mapper().readTree("{\"recordId\":\"00\",\"dataset\":\"penalty\",\"source\":\"ZJ\","
                + "\"sourceKey\":\"k\",\"op\":\"UPSERT\",\"subject\":{\"category\":\"ROBOT\"},\"data\":{}}");
        assertThatThrownBy(() -> CanonicalRecord.fromJson(badCode)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROBOT");
    }

    @Test
    void fieldIndexConstantsMatchTheCatalogue() throws IllegalAccessException {
        checkConstants(CanonicalFields.class, Dataset.PENALTY, "SUBJECT_");
        checkConstants(CanonicalFields.Penalty.class, Dataset.PENALTY, "");
        checkConstants(CanonicalFields.License.class, Dataset.LICENSE, "");
        checkConstants(CanonicalFields.Dishonesty.class, Dataset.DISHONESTY, "");
        checkConstants(CanonicalFields.Report.class, Dataset.REPORT, "");
    }

    /** SUBJECT_ID_TYPE must sit at the index of subject.idType, FINE_AMOUNT at data.fineAmount, ... */
    private static void checkConstants(Class<?> holder, Dataset dataset, String prefix) throws IllegalAccessException {
        int checked = 0;
        for (Field f : holder.getDeclaredFields()) {
            if (f.getType() != int.class || !f.getName().startsWith(prefix)) {
                continue;
            }
            CanonicalField field = CanonicalFields.of(dataset).get(f.getInt(null));
            String leaf = field.path().substring(field.path().indexOf('.') + 1).replace(".", "");
            assertThat(f.getName().replace("_", "")).as(f.getName()).isEqualToIgnoringCase(
                    prefix.isEmpty() ? leaf : "subject" + leaf);
            checked++;
        }
        assertThat(checked).isPositive();
        if (prefix.isEmpty()) {
            assertThat(checked + 6).isEqualTo(CanonicalFields.of(dataset).size());
        }
    }
}
