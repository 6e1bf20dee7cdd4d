package cn.ydcx.gateway.batch;

import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Builds and signs SPEC §4 batch documents. */
public final class BatchSigner {
    public BatchSigner(NodeCredentials creds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public ObjectNode sign(String batchId, NodeCode source, Dataset dataset, long seq, Instant createdAt,
            List<? extends JsonNode> records) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
