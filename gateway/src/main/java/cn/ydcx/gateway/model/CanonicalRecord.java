package cn.ydcx.gateway.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One canonical record (SPEC §2). Serialises (also through {@code Json.mapper()}) to exactly the
 * SPEC JSON object with absent values omitted; {@link #fromJson} is the inverse.
 */
public record CanonicalRecord(String recordId, Dataset dataset, NodeCode source, String sourceKey, Op op,
                              Subject subject, RecordData data) {

    public CanonicalRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (data.dataset() != dataset) {
            throw new IllegalArgumentException("data of dataset " + data.dataset() + " in a " + dataset + " record");
        }
    }

    /** A record with recordId and sourceKey derived from the data as SPEC §2 prescribes. */
    public static CanonicalRecord of(NodeCode source, Op op, Subject subject, RecordData data) {
        String key = data.sourceKey();
        return new CanonicalRecord(RecordIds.of(source, data.dataset(), key), data.dataset(), source, key, op,
                subject, data);
    }

    /** True when recordId is the SPEC hash of source, dataset and sourceKey. */
    public boolean hasValidRecordId() {
        return recordId.equals(RecordIds.of(source, dataset, sourceKey));
    }

    /** The same record with another op (e.g. a RETRACT of a stored record). */
    public CanonicalRecord withOp(Op newOp) {
        return new CanonicalRecord(recordId, dataset, source, sourceKey, newOp, subject, data);
    }

    /**
     * The RFC 8785 canonical UTF-8 bytes of this record (the Merkle leaf of a batch), written
     * from the typed record: same bytes as {@code Jcs.canonicalize(toJson())}, several times
     * cheaper. A new array per call.
     *
     * @throws IllegalArgumentException when a value holds a lone surrogate (not I-JSON)
     */
    public byte[] canonicalBytes() {
        return CanonicalRecordJcs.bytes(this);
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectMapper m = Json.mapper();
        ObjectNode o = m.createObjectNode();
        o.put("recordId", recordId);
        o.put("dataset", dataset.code());
        o.put("source", source.name());
        o.put("sourceKey", sourceKey);
        o.put("op", op.name());
        o.set("subject", m.valueToTree(subject));
        o.set("data", m.valueToTree(data));
        return o;
    }

    /** Parses a SPEC JSON object; fails with IllegalArgumentException naming what is wrong. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CanonicalRecord fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("canonical record must be a JSON object");
        }
        Dataset dataset = Dataset.of(text(json, "dataset"));
        NodeCode source = NodeCode.of(text(json, "source"));
        Op op;
        try {
            op = Op.valueOf(text(json, "op"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown op '" + json.get("op").asText() + "'");
        }
        ObjectMapper m = Json.mapper();
        try {
            Subject subject = m.treeToValue(member(json, "subject"), Subject.class);
            RecordData data = m.treeToValue(member(json, "data"), RecordData.typeOf(dataset));
            return new CanonicalRecord(text(json, "recordId"), dataset, source, text(json, "sourceKey"), op,
                    subject, data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad canonical record: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode member(JsonNode json, String name) {
        JsonNode v = json.get(name);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("canonical record needs an object '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode json, String name) {
        JsonNode v = json.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("canonical record needs a string '" + name + "'");
        }
        return v.asText();
    }
}
