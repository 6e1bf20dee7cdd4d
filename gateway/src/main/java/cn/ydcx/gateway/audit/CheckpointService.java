package cn.ydcx.gateway.audit;

import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.SignedJson;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.AuditStore;
import cn.ydcx.gateway.store.Checkpoint;
import cn.ydcx.gateway.store.CheckpointStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the audit log (SPEC §5): {@code {"checkpoint": {origin, size, rootHash,
 * timestamp}, "signature": {value, certificates}}}, the signature over JCS(checkpoint) made like a
 * batch header's. A checkpoint is made when the log has grown since the last one — on request and
 * from the {@code audit-checkpoint} route — and every checkpoint ever made stays retrievable by
 * size, so a proof can always be checked against a checkpoint of exactly its tree size.
 */
@Component("checkpointService")
public class CheckpointService {

    private final AuditStore audit;
    private final CheckpointStore checkpoints;
    private final NodeCredentials credentials;
    private final NodeProperties props;
    private final Clock clock;

    public CheckpointService(AuditStore audit, CheckpointStore checkpoints, NodeCredentials credentials,
                             NodeProperties props, Clock clock) {
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.credentials = credentials;
        this.props = props;
        this.clock = clock;
    }

    /** The latest checkpoint, made now if the log grew since the last one. */
    public synchronized JsonNode latest() {
        long size = audit.size();
        Checkpoint last = checkpoints.latest().orElse(null);
        if (last != null && last.size() == size) {
            return document(last);
        }
        return document(make(size));
    }

    /** The checkpoint of exactly this size, if one was made. */
    public JsonNode atSize(long size) {
        return checkpoints.atSize(size).map(CheckpointService::document).orElse(null);
    }

    /** Every checkpoint made, oldest first, as signed documents. */
    public List<JsonNode> all() {
        return checkpoints.all().stream().<JsonNode>map(CheckpointService::document).toList();
    }

    private Checkpoint make(long size) {
        Suite suite = props.signingSuite();
        List<byte[]> leaves = audit.leafHashes(0, size);
        String root = HexFormat.of().formatHex(MerkleTree.rootFromLeafHashes(suite, leaves));
        ObjectNode cp = Json.mapper().createObjectNode();
        cp.put("origin", props.node().name());
        cp.put("size", size);
        cp.put("rootHash", root);
        cp.put("timestamp", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode sig = SignedJson.sign(cp, credentials);
        return checkpoints.save(size, root, cp.toString(), sig.toString());
    }

    static ObjectNode document(Checkpoint c) {
        try {
            ObjectNode doc = Json.mapper().createObjectNode();
            doc.set("checkpoint", Json.mapper().readTree(c.checkpointJson()));
            doc.set("signature", Json.mapper().readTree(c.signatureJson()));
            return doc;
        } catch (Exception e) {
            throw new IllegalStateException("stored checkpoint of size " + c.size() + " is not JSON", e);
        }
    }
}
