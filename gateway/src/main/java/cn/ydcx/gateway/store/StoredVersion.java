package cn.ydcx.gateway.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One version of a record held here, with its provenance: the batch it came in, that batch's
 * seq and when this node received it (signed it, for its own records).
 *
 * @param jcs     the record's JCS bytes exactly as signed in its batch (the Merkle leaf)
 * @param current whether this is the version of the current view
 */
public record StoredVersion(String recordId, String source, String dataset, long seq, String op, String subjectKey,
                            byte[] jcs, boolean current, String batchId, int leafIndex, Instant receivedAt) {

    public String json() {
        return new String(jcs, StandardCharsets.UTF_8);
    }

    public boolean isRetract() {
        return "RETRACT".equals(op);
    }
}
