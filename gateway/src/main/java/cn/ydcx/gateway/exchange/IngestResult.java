package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.mapping.Reject;
import java.util.List;

/** Answer of {@code POST /api/v1/ingest/{dataset}} (SPEC §7). */
public record IngestResult(long accepted, long rejected, List<Reject> rejects, List<BatchSummary> batches) {
}
