package cn.ydcx.gateway.mapping;

/** Counts of one normalize run: rows read (header excluded), accepted and rejected. */
public record NormalizeSummary(long rows, long accepted, long rejected) {
}
