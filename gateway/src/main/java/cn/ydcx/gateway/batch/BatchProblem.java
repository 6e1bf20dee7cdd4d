package cn.ydcx.gateway.batch;

/**
 * Why a batch is refused: the codes of the verifier (SPEC §4) and of the receiving node, each
 * with the HTTP status a receiver answers it with (the signed receipt names the code).
 */
public enum BatchProblem {
    MALFORMED(422),
    UNKNOWN_SUITE(422),
    COUNT_MISMATCH(422),
    RECORD_SOURCE_MISMATCH(422),
    RECORD_DATASET_MISMATCH(422),
    BAD_RECORD_ID(422),
    MERKLE_ROOT_MISMATCH(422),
    BAD_SIGNATURE(422),
    UNTRUSTED_CHAIN(422),
    CERT_EXPIRED(422),
    CERT_NOT_YET_VALID(422),
    REVOKED(422),
    SIGNER_NOT_SOURCE(422),
    // found by the receiving node, after the batch itself verified (or before reading it)
    /** body or record count over the receiver's limits */
    TOO_LARGE(413),
    /** one recordId twice in a batch: its versions would have no order */
    DUPLICATE_RECORD(422),
    /** a batchId already received with a different header */
    DUPLICATE_BATCH_ID(409),
    /** a seq of (source, dataset) already taken by another batch */
    SEQ_ALREADY_APPLIED(409),
    /** the source is this node itself: a node never receives its own batches */
    OWN_BATCH(422);

    private final int httpStatus;

    BatchProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of a receiver's refusal receipt for this problem. */
    public int httpStatus() {
        return httpStatus;
    }
}
