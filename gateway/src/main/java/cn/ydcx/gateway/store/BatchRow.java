package cn.ydcx.gateway.store;

import java.time.Instant;

/**
 * A batch this node signed ({@code OUT}) or received ({@code IN}): its signed header and
 * signature as JSON text; its records are in {@link RecordVersionStore}. Column limits: batchId ≤
 * 200 characters, source ≤ 10, dataset ≤ 20, merkleRoot ≤ 128, suite ≤ 16: refuse longer header
 * values before storing (the refused-batch store takes anything).
 *
 * @param batchRow      the store's key, assigned on insert (0 before)
 * @param receivedAt    when an IN batch arrived; when an OUT batch was signed
 * @param headerSha256  SHA-256 of JCS(header): the batch's identity (the header carries the Merkle root)
 * @param state         {@link BatchState}
 * @param deliveredBy   CN that delivered an IN batch; null for OUT
 * @param ingestRun     OUT: the ingest run it was cut from, else null
 * @param chunkNo       OUT: its chunk of that run's file, else null
 */
public record BatchRow(long batchRow, String direction, String batchId, String source, String dataset, long seq,
                       int recordCount, String merkleRoot, String suite, Instant createdAt, Instant receivedAt,
                       String headerSha256, String headerJson, String signatureJson, BatchState state,
                       Instant appliedAt, String deliveredBy, Long ingestRun, Integer chunkNo) {

    public static final String OUT = "OUT";
    public static final String IN = "IN";

    public BatchRow withBatchRow(long row) {
        return new BatchRow(row, direction, batchId, source, dataset, seq, recordCount, merkleRoot, suite, createdAt,
                receivedAt, headerSha256, headerJson, signatureJson, state, appliedAt, deliveredBy, ingestRun, chunkNo);
    }
}
