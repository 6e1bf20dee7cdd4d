package cn.ydcx.gateway.audit;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.store.AuditStore;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.RecordVersionStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Proof for a single record at this node: every audit entry about it or about a batch that
 * carried it, each with an inclusion proof against one signed checkpoint, and for every entry
 * about a batch the record's inclusion proof in that batch's Merkle tree — record leaf → batch
 * root (signed by the source) → audit entry → audit root (signed by this node).
 */
@Component
public class RecordTrace {

    private final AuditStore audit;
    private final BatchStore batches;
    private final RecordVersionStore versions;
    private final CheckpointService checkpoints;
    private final AuditProofs proofs;

    public RecordTrace(AuditStore audit, BatchStore batches, RecordVersionStore versions,
                       CheckpointService checkpoints, AuditProofs proofs) {
        this.audit = audit;
        this.batches = batches;
        this.versions = versions;
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
        TreeSet<Long> indexes = new TreeSet<>(audit.indexesFor(recordId));
        for (String batchId : versions.batchIdsOf(recordId)) {
            indexes.addAll(audit.indexesFor(batchId));
        }
        for (long index : indexes) {
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

    /** {@code {"batchId", "merkleRoot", "suite", "leafIndex", "batchSize", "path", "record", "header", "signature"}}. */
    Optional<ObjectNode> batchProof(String batchId, String recordId) {
        Optional<BatchRow> row = batches.find(batchId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        BatchRow b = row.get();
        Suite suite = Suite.of(b.suite());
        List<byte[]> leaves = new ArrayList<>(b.recordCount());
        byte[][] record = new byte[1][];
        int[] found = {-1};
        versions.forEachRecord(b.batchRow(), jcs -> {
            leaves.add(MerkleTree.leafHash(suite, jcs));
            if (found[0] < 0 && recordIdOf(jcs).equals(recordId)) {
                found[0] = leaves.size() - 1;
                record[0] = jcs;
            }
        });
        if (found[0] < 0) {
            return Optional.empty();
        }
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("batchId", batchId);
        p.put("merkleRoot", b.merkleRoot());
        p.put("suite", suite.wireName());
        p.put("leafIndex", found[0]);
        p.put("batchSize", leaves.size());
        AuditProofs.hexArray(p.putArray("path"), MerkleTree.inclusionProof(suite, leaves, found[0]));
        p.set("record", parse(new String(record[0], java.nio.charset.StandardCharsets.UTF_8)));
        // the source's signature over the batch header (which carries merkleRoot) completes the chain
        p.set("header", parse(b.headerJson()));
        p.set("signature", parse(b.signatureJson()));
        return Optional.of(p);
    }

    private static String recordIdOf(byte[] jcs) {
        return cn.ydcx.gateway.model.RecordKeys.read(jcs, 0, jcs.length).recordId();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
