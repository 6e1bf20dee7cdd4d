package cn.ydcx.gateway.store;

import java.time.Instant;

/**
 * The current state of one canonical record at this node, with its provenance.
 *
 * @param recordId        32 lowercase hex (SPEC §2)
 * @param op              {@code UPSERT} or {@code RETRACT} — the op of the batch entry that last changed the row
 * @param subjectUscc     subject.uscc or null
 * @param subjectIdNumber subject.idNumber or null
 * @param recordJson      the canonical record JSON (for a retracted record: the last UPSERTed JSON)
 * @param batchId         the batch that last changed the row
 * @param seq             that batch's seq; all batches touching one record share its (source, dataset)
 * @param receivedAt      when that batch was received (or created, for own records)
 * @param active          false once retracted
 */
public record StoredRecord(String recordId, String dataset, String source, String sourceKey, String op,
                           String subjectUscc, String subjectIdNumber, String subjectName, String recordJson,
                           String batchId, long seq, Instant receivedAt, boolean active) {

    public static final String UPSERT = "UPSERT";
    public static final String RETRACT = "RETRACT";

    public boolean isRetract() {
        return RETRACT.equals(op);
    }
}
