package cn.ydcx.gateway.audit;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.merkle.MerkleTree;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.AuditStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/** RFC 9162 inclusion and consistency proofs over the audit log, in the SPEC §5 JSON form. */
@Component
public class AuditProofs {

    private final AuditStore audit;
    private final NodeProperties props;

    public AuditProofs(AuditStore audit, NodeProperties props) {
        this.audit = audit;
        this.props = props;
    }

    /** {@code {"leafIndex", "treeSize", "path": [hex...]}}. */
    public ObjectNode inclusion(long index, long treeSize) {
        long size = audit.size();
        if (treeSize < 1 || treeSize > size) {
            throw new IllegalArgumentException("treeSize must be between 1 and the log size " + size + ", was " + treeSize);
        }
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index must be between 0 and treeSize-1 (" + (treeSize - 1) + "), was " + index);
        }
        Suite suite = props.signingSuite();
        List<byte[]> path = MerkleTree.inclusionProof(suite, audit.leafHashes(0, treeSize), (int) index);
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("leafIndex", index);
        out.put("treeSize", treeSize);
        hexArray(out.putArray("path"), path);
        return out;
    }

    /** {@code {"first", "second", "path": [hex...]}}. */
    public ObjectNode consistency(long first, long second) {
        long size = audit.size();
        if (second < 1 || second > size) {
            throw new IllegalArgumentException("second must be between 1 and the log size " + size + ", was " + second);
        }
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("first must be between 1 and second (" + second + "), was " + first);
        }
        Suite suite = props.signingSuite();
        List<byte[]> path = MerkleTree.consistencyProof(suite, audit.leafHashes(0, second), (int) first);
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("first", first);
        out.put("second", second);
        hexArray(out.putArray("path"), path);
        return out;
    }

    static void hexArray(ArrayNode arr, List<byte[]> hashes) {
        HexFormat hex = HexFormat.of();
        hashes.forEach(h -> arr.add(hex.formatHex(h)));
    }
}
