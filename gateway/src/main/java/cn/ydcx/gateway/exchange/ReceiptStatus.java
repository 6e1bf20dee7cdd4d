package cn.ydcx.gateway.exchange;

/** The status a receiver's signed receipt gives a delivered batch (docs/EXCHANGE.md). */
public enum ReceiptStatus {
    /** verified and stored: applied, or held back until the seqs before it are applied */
    ACCEPTED,
    /** the same batch was received before; nothing changed */
    DUPLICATE,
    /** not stored; the receipt names the problem */
    REFUSED;

    /** Whether the sender's delivery is done: the receiver has the batch. */
    public boolean delivered() {
        return this == ACCEPTED || this == DUPLICATE;
    }
}
