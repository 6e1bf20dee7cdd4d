package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.store.StoredRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds the stored form of a canonical record from its wire JSON plus its provenance. */
final class StoredRecords {

    private StoredRecords() {
    }

    static StoredRecord from(JsonNode record, String batchId, long seq, Instant receivedAt) {
        JsonNode subject = record.path("subject");
        boolean retract = "RETRACT".equals(record.path("op").asText());
        return new StoredRecord(
                record.path("recordId").asText(),
                record.path("dataset").asText(),
                record.path("source").asText(),
                record.path("sourceKey").asText(),
                record.path("op").asText(),
                text(subject, "uscc"),
                text(subject, "idNumber"),
                text(subject, "name"),
                // Stored as JCS so the bytes are exactly the batch leaf and can be re-proven.
                new String(Jcs.canonicalize(record), StandardCharsets.UTF_8),
                batchId,
                seq,
                receivedAt,
                !retract);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
