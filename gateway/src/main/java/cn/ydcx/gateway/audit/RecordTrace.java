package cn.ydcx.gateway.audit;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.store.AuditStore;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Proof for a single record at this node: every audit entry about it, each with an inclusion
 * proof against one signed checkpoint, and for every entry about a batch the record's inclusion
 * proof in that batch's Merkle tree — record leaf → batch root (signed by the source) → audit
 * entry → audit root (signed by this node).
 */
@Component
public class RecordTrace {

    private final AuditStore audit;
    private final BatchStore batches;
    private final CheckpointService checkpoints;
    private final AuditProofs proofs;

    public RecordTrace(AuditStore audit, BatchStore batches, CheckpointService checkpoints, AuditProofs proofs) {
        this.audit = audit;
        this.batches = batches;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
    }

    public ObjectNode trace(String recordId) {
        JsonNode checkpoint = checkpoints.latest();
        long treeSize = checkpoint.path("checkpoint").path("size").asLong();
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("recordId", recordId);
        out.set("checkpoint", checkpoint);
        ArrayNode entries = out.putArray("entries");
        for (long index : audit.indexesFor(recordId)) {
            if (index >= treeSize) {
                continue; // appended after the checkpoint was taken; the next trace includes it
            }
            JsonNode entry = parse(audit.entry(index).orElseThrow());
            ObjectNode item = entries.addObject();
            item.put("index", index);
            item.set("entry", entry);
            item.set("inclusion", proofs.inclusion(index, treeSize));
            String batchId = entry.path("batchId").asText(null);
            if (batchId != null) {
                batchProof(batchId, recordId).ifPresent(p -> item.set("recordInBatch", p));
            }
        }
        return out;
    }

    /** {@code {"batchId", "merkleRoot", "suite", "leafIndex", "batchSize", "path", "record"}}. */
    Optional<ObjectNode> batchProof(String batchId, String recordId) {
        Optional<BatchRow> row = batches.find(batchId, "IN").or(() -> batches.find(batchId, "OUT"));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        JsonNode batch = parse(row.get().batchJson());
        Suite suite = Suite.of(batch.path("header").path("suite").asText());
        List<byte[]> leaves = new ArrayList<>();
        int found = -1;
        JsonNode records = batch.path("records");
        for (int i = 0; i < records.size(); i++) {
            leaves.add(MerkleTree.leafHash(suite, Jcs.canonicalize(records.get(i))));
            if (recordId.equals(records.get(i).path("recordId").asText())) {
                found = i;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("batchId", batchId);
        p.put("merkleRoot", batch.path("header").path("merkleRoot").asText());
        p.put("suite", suite.wireName());
        p.put("leafIndex", found);
        p.put("batchSize", records.size());
        AuditProofs.hexArray(p.putArray("path"), MerkleTree.inclusionProof(suite, leaves, found));
        p.set("record", records.get(found));
        // the source's signature over the batch header (which carries merkleRoot) completes the chain
        p.set("header", batch.path("header"));
        p.set("signature", batch.path("signature"));
        return Optional.of(p);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
