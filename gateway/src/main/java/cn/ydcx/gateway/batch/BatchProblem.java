package cn.ydcx.gateway.batch;

/** Why a batch is refused. */
public enum BatchProblem {
    MALFORMED,
    UNKNOWN_SUITE,
    COUNT_MISMATCH,
    RECORD_SOURCE_MISMATCH,
    RECORD_DATASET_MISMATCH,
    BAD_RECORD_ID,
    MERKLE_ROOT_MISMATCH,
    BAD_SIGNATURE,
    UNTRUSTED_CHAIN,
    CERT_EXPIRED,
    CERT_NOT_YET_VALID,
    SIGNER_NOT_SOURCE,
    // detected by later stages (revocation, receiving node state, limits)
    REVOKED,
    DUPLICATE,
    SEQ_ALREADY_APPLIED,
    TOO_LARGE
}
