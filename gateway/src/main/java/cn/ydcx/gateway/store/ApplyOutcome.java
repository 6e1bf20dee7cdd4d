package cn.ydcx.gateway.store;

/** What {@link RecordStore#apply(StoredRecord)} did with a record. */
public enum ApplyOutcome {
    /** An UPSERT became the current state of the record (new record, or newer than the stored one). */
    APPLIED,
    /** A RETRACT deactivated the record (or recorded it as withdrawn if it was unknown). */
    RETRACTED,
    /** The stored row already came from an equal or higher seq; nothing changed. */
    STALE
}
