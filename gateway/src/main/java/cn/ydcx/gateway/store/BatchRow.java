package cn.ydcx.gateway.store;

import java.time.Instant;

/**
 * A batch this node sent ({@code OUT}) or received ({@code IN}). Column limits: batchId ≤ 200
 * characters, source ≤ 10, dataset ≤ 20, merkleRoot ≤ 128, suite ≤ 16, status ≤ 32 — refuse
 * longer header values before storing (the refused-batch store takes anything).
 *
 * @param createdAt     header.createdAt
 * @param receivedAt    when an IN batch arrived; null for OUT
 * @param contentSha256 SHA-256 (lowercase hex) of the batch document bytes as stored/received
 * @param batchJson     the whole signed batch document; null in {@link BatchStore#list} results
 * @param status        free text set by the exchange, e.g. OUT: CREATED, SENT; IN: RECEIVED, APPLIED
 */
public record BatchRow(String batchId, String direction, String source, String dataset, long seq,
                       int recordCount, String merkleRoot, String suite, Instant createdAt, Instant receivedAt,
                       String contentSha256, String batchJson, String status) {

    public static final String OUT = "OUT";
    public static final String IN = "IN";
}
