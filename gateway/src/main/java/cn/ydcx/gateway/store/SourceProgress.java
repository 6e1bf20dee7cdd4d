package cn.ydcx.gateway.store;

import java.time.Instant;

/**
 * How far this node has applied one (source, dataset): every seq up to {@code lastSeq} is
 * applied, none above it; {@code activeRecords} current records are UPSERTs.
 */
public record SourceProgress(String source, String dataset, long lastSeq, Instant lastAppliedAt,
                             long activeRecords) {
}
