package cn.ydcx.gateway.audit;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.jcs.Jcs;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.AuditStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The node's append-only audit log (SPEC §5). Every entry is a JSON object whose JCS bytes are
 * a leaf of an RFC 6962 Merkle tree over the node's suite hash; the leaf hash is stored next to
 * the entry so checkpoints and proofs never re-serialise anything.
 */
@Component
public class AuditLog {

    private final AuditStore store;
    private final NodeProperties props;
    private final Clock clock;

    public AuditLog(AuditStore store, NodeProperties props, Clock clock) {
        this.store = store;
        this.props = props;
        this.clock = clock;
    }

    /** Starts an entry of the given type with the node and time filled in. */
    public ObjectNode entry(AuditEvent type) {
        ObjectNode e = Json.mapper().createObjectNode();
        e.put("type", type.name());
        e.put("node", props.node().name());
        e.put("at", Instant.now(clock).toString());
        return e;
    }

    /** Appends the entry and returns its 0-based index in the log. */
    public long append(ObjectNode entry) {
        return append(entry, List.of());
    }

    /**
     * Appends an entry about the given batches or records (batchIds, recordIds); they
     * are indexed so {@code audit trace} finds every entry about one record.
     */
    public long append(ObjectNode entry, Collection<String> refs) {
        byte[] jcs = Jcs.canonicalize(entry);
        Suite suite = props.signingSuite();
        byte[] leafHash = MerkleTree.leafHash(suite, jcs);
        return store.append(new String(jcs, StandardCharsets.UTF_8), leafHash, refs);
    }
}
