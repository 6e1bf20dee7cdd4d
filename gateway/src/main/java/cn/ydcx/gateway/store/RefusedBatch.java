package cn.ydcx.gateway.store;

import java.time.Instant;

/**
 * A batch refused at receipt, kept whole so nothing is lost.
 *
 * @param id         assigned by the store (ignored on insert)
 * @param peer       TLS client certificate CN, or null
 * @param batchId    header.batchId, or null when the document was too malformed to tell
 * @param seq        header.seq or null
 * @param problem    short machine-readable reason, e.g. BAD_SIGNATURE, MERKLE_MISMATCH
 * @param detail     human-readable detail
 * @param bodySha256 SHA-256 (lowercase hex) of body; computed by the store on insert
 * @param body       the raw request body exactly as received; null in {@link RefusedBatchStore#list} results
 */
public record RefusedBatch(long id, Instant receivedAt, String peer, String batchId, String source,
                           String dataset, Long seq, String problem, String detail, String bodySha256,
                           byte[] body) {

    /** A refusal to be inserted: id and bodySha256 are filled in by the store. */
    public static RefusedBatch of(Instant receivedAt, String peer, String batchId, String source, String dataset,
                                  Long seq, String problem, String detail, byte[] body) {
        return new RefusedBatch(0, receivedAt, peer, batchId, source, dataset, seq, problem, detail, null, body);
    }
}
