package cn.ydcx.gateway.store;

import java.time.Instant;

/**
 * Delivery of one outbound batch to one peer.
 *
 * @param attempts       attempts whose outcome was recorded
 * @param retryingSince  first failed attempt of the current run of failures (null unless RETRYING)
 * @param nextAttemptAt  when an open delivery is due
 */
public record Delivery(long enqueueOrder, String batchId, String peer, DeliveryState state, int attempts,
                       Instant nextAttemptAt, Instant retryingSince, String lastError, String receiptJson,
                       Instant createdAt, Instant updatedAt) {
}
