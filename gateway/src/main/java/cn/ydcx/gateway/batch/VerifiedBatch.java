package cn.ydcx.gateway.batch;

import static cn.ydcx.gateway.batch.BatchFields.RECORDS;

import cn.ydcx.gateway.jcs.Jcs;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A received batch document after verification: the verdict, and when it is valid, each
 * record's JCS bytes exactly as they were hashed into the Merkle root, so a receiver stores what
 * it verified without parsing or re-serialising the records. A record the sender wrote in JCS
 * form is a slice of the request body (no copy); any other is canonicalised from its tree.
 */
public final class VerifiedBatch {
    private final BatchVerification verification;
    private final JsonNode header;
    private final JsonNode signature;
    private final BatchLayout layout;
    private final JsonNode records;

    private VerifiedBatch(BatchVerification verification, JsonNode header, JsonNode signature, BatchLayout layout,
                          JsonNode records) {
        this.verification = verification;
        this.header = header;
        this.signature = signature;
        this.layout = layout;
        this.records = records;
    }

    static VerifiedBatch ofLayout(BatchVerification v, BatchLayout layout) {
        return new VerifiedBatch(v, layout.header(), layout.signature(), layout, null);
    }

    /** A document verified from its tree; header and records are null when it has none of that shape. */
    static VerifiedBatch ofTree(BatchVerification v, JsonNode batch) {
        JsonNode h = batch != null && batch.path("header").isObject() ? batch.get("header") : null;
        JsonNode s = batch != null && batch.path("signature").isObject() ? batch.get("signature") : null;
        JsonNode r = batch != null && batch.path(RECORDS).isArray() ? batch.get(RECORDS) : null;
        return new VerifiedBatch(v, h, s, null, r);
    }

    public BatchVerification verification() {
        return verification;
    }

    public boolean valid() {
        return verification.valid();
    }

    /** The header object, when the document had one (also for an invalid batch), else null. */
    public JsonNode header() {
        return header;
    }

    public JsonNode signature() {
        return signature;
    }

    /** Number of records in the document (0 when it has no records array). */
    public int size() {
        return layout != null ? layout.size() : records == null ? 0 : records.size();
    }

    /** Record i's JCS bytes; only for a valid batch, whose records all canonicalise. */
    public Slice record(int i) {
        if (!verification.valid()) {
            throw new IllegalStateException("the records of an invalid batch are not handed out");
        }
        if (layout != null) {
            if (layout.canonical(i)) {
                return new Slice(layout.body(), layout.start(i), layout.end(i) - layout.start(i));
            }
            byte[] jcs = Jcs.canonicalize(layout.tree(i));
            return new Slice(jcs, 0, jcs.length);
        }
        byte[] jcs = Jcs.canonicalize(records.get(i));
        return new Slice(jcs, 0, jcs.length);
    }

    /** {@code length} bytes of {@code bytes} from {@code offset}: a record's JCS form. */
    public record Slice(byte[] bytes, int offset, int length) {
        public byte[] copy() {
            byte[] out = new byte[length];
            System.arraycopy(bytes, offset, out, 0, length);
            return out;
        }
    }
}
