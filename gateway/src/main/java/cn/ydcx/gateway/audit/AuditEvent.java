package cn.ydcx.gateway.audit;

/** What a node did with data (SPEC §5); the {@code type} of an audit entry. */
public enum AuditEvent {
    INGESTED,
    REJECTED,
    BATCH_SIGNED,
    BATCH_RECEIVED,
    BATCH_REFUSED,
    RECEIPT,
    /** an operator sent a delivery again */
    DELIVERY_RESENT,
    APPLIED,
    RETRACTED,
    QUERY_ANSWERED,
    COMPARE_RUN,
    PEER_LOG_INCONSISTENT,
    /** a request refused by the access rules (security.AccessRules) */
    ACCESS_DENIED
}
