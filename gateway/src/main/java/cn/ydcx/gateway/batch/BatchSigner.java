package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFields.*;

import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.SignedJson;
import cn.ydcx.gateway.merkle.MerkleAccumulator;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds and signs SPEC §4 batch documents with one node's credentials.
 *
 * <p>{@code createdAt} is written with <b>second precision</b> in UTC (e.g.
 * {@code 2026-11-27T10:00:00Z}); any sub-second part of the given instant is truncated.
 * The signer refuses records the verifier would refuse (wrong source/dataset or recordId),
 * so a node never emits a batch its peers must reject.
 */
public final class BatchSigner {
    private final NodeCredentials creds;

    public BatchSigner(NodeCredentials creds) {
        this.creds = creds;
    }

    public NodeCredentials credentials() {
        return creds;
    }

    public ObjectNode sign(String batchId, NodeCode source, Dataset dataset, long seq, Instant createdAt,
            List<? extends JsonNode> records) {
        if (batchId == null || batchId.isBlank()) {
            throw new IllegalArgumentException("batchId must not be empty");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative, got " + seq);
        }
        ArrayNode recs = Json.mapper().createArrayNode();
        MerkleAccumulator tree = new MerkleAccumulator(creds.suite());
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            checkRecord(i, r, source, dataset);
            tree.addCanonicalLeaf(r); // JCS bytes streamed into the leaf hash, as the verifier does
            recs.add(r.deepCopy());
        }
        ObjectNode header = header(batchId, source, dataset, seq, createdAt, records.size(), tree.root());
        ObjectNode batch = Json.mapper().createObjectNode();
        batch.set(HEADER, header);
        batch.set(RECORDS, recs);
        batch.set(SIGNATURE, signatureOf(header));
        return batch;
    }

    /**
     * Signs records given as their JCS bytes (a node's own records, written from the typed
     * record): the leaves are hashed as they are, nothing is parsed. The caller vouches that
     * each record carries this source, dataset and its correct recordId.
     *
     * @return {@code {"header": {...}, "signature": {...}}}; the records travel beside it
     */
    public ObjectNode signCanonical(String batchId, NodeCode source, Dataset dataset, long seq, Instant createdAt,
                                    List<byte[]> canonicalRecords) {
        if (batchId == null || batchId.isBlank()) {
            throw new IllegalArgumentException("batchId must not be empty");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative, got " + seq);
        }
        MerkleAccumulator tree = new MerkleAccumulator(creds.suite());
        for (byte[] r : canonicalRecords) {
            tree.addLeaf(r);
        }
        ObjectNode header = header(batchId, source, dataset, seq, createdAt, canonicalRecords.size(), tree.root());
        ObjectNode out = Json.mapper().createObjectNode();
        out.set(HEADER, header);
        out.set(SIGNATURE, signatureOf(header));
        return out;
    }

    private ObjectNode header(String batchId, NodeCode source, Dataset dataset, long seq, Instant createdAt,
                              int count, byte[] root) {
        ObjectNode header = Json.mapper().createObjectNode();
        header.put(BATCH_ID, batchId);
        header.put(SOURCE, source.name());
        header.put(DATASET, dataset.code());
        header.put(SEQ, seq);
        header.put(CREATED_AT, createdAt.truncatedTo(ChronoUnit.SECONDS).toString());
        header.put(COUNT, count);
        header.put(SUITE, creds.suite().wireName());
        header.put(MERKLE_ROOT, HexFormat.of().formatHex(root));
        return header;
    }

    /** {@code {"value": base64 DER over JCS(header), "certificates": [signer, issuers...]}}. */
    public ObjectNode signatureOf(JsonNode header) {
        return SignedJson.sign(header, creds);
    }

    private static void checkRecord(int i, JsonNode r, NodeCode source, Dataset dataset) {
        if (r == null || !r.isObject()) {
            throw new IllegalArgumentException("records[" + i + "] is not a JSON object");
        }
        String src = r.path(SOURCE).textValue();
        if (!source.name().equals(src)) {
            throw new IllegalArgumentException("records[" + i + "] has source " + src + ", batch source is " + source.name());
        }
        String ds = r.path(DATASET).textValue();
        if (!dataset.code().equals(ds)) {
            throw new IllegalArgumentException("records[" + i + "] has dataset " + ds + ", batch dataset is " + dataset.code());
        }
        JsonNode key = r.get(SOURCE_KEY);
        JsonNode id = r.get(RECORD_ID);
        if (key == null || !key.isTextual() || id == null || !id.isTextual()) {
            throw new IllegalArgumentException("records[" + i + "] needs textual sourceKey and recordId");
        }
        String expected = RecordIds.of(src, ds, key.textValue());
        if (!expected.equals(id.textValue())) {
            throw new IllegalArgumentException("records[" + i + "] recordId " + id.textValue()
                    + " is not " + expected + " (derived from source, dataset and sourceKey)");
        }
    }
}
