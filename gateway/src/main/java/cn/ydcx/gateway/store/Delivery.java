package cn.ydcx.gateway.store;

import java.time.Instant;

/**
 * Delivery of one outbound batch to one peer.
 *
 * @param state    PENDING → DELIVERED | REFUSED | FAILED, or back to PENDING with a later nextAttemptAt
 * @param attempts delivery attempts whose outcome has been recorded
 */
public record Delivery(String batchId, String peer, String state, int attempts, Instant nextAttemptAt,
                       String lastError, String receiptJson, Instant updatedAt) {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String REFUSED = "REFUSED";
    public static final String FAILED = "FAILED";
}
