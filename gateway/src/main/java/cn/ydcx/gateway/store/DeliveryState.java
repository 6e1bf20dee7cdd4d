package cn.ydcx.gateway.store;

/** Where the delivery of one outbound batch to one peer stands (docs/EXCHANGE.md). */
public enum DeliveryState {
    /** queued, not attempted yet (or sent again by an operator) */
    PENDING,
    /** attempted and failed (unreachable, 5xx, an unverifiable receipt): tried again, never given up */
    RETRYING,
    /** the peer's signed receipt says ACCEPTED or DUPLICATE */
    DELIVERED,
    /** the peer verified the batch and refused it; final unless an operator sends it again */
    REFUSED;

    public boolean open() {
        return this == PENDING || this == RETRYING;
    }
}
