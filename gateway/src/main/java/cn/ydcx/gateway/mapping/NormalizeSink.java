package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.CanonicalRecord;

/** Receives the normalizer's output in input order, one call per row. */
public interface NormalizeSink {
    void record(CanonicalRecord r);

    void reject(Reject r);

    /** Called every {@code n} rows (see Normalizer) so callers can report progress; default: nothing. */
    default void progress(long rowsSoFar) {
    }
}
