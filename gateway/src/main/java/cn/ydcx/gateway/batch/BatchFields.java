package cn.ydcx.gateway.batch;

/** Member names of the SPEC §4 batch document. */
public final class BatchFields {
    public static final String HEADER = "header";
    public static final String RECORDS = "records";
    public static final String SIGNATURE = "signature";
    public static final String BATCH_ID = "batchId";
    public static final String SOURCE = "source";
    public static final String DATASET = "dataset";
    public static final String SEQ = "seq";
    public static final String CREATED_AT = "createdAt";
    public static final String COUNT = "count";
    public static final String SUITE = "suite";
    public static final String MERKLE_ROOT = "merkleRoot";
    public static final String VALUE = "value";
    public static final String CERTIFICATES = "certificates";
    public static final String RECORD_ID = "recordId";
    public static final String SOURCE_KEY = "sourceKey";

    private BatchFields() {
    }
}
