package cn.ydcx.gateway.exchange.ingest;

import cn.ydcx.gateway.mapping.Reject;
import java.util.List;

/**
 * Answer of {@code POST /api/v1/ingest/{dataset}} (SPEC §7), plus the run that identifies the
 * file: {@code repeated} when this very file had been ingested before (the answer is that run's).
 */
public record IngestResult(long accepted, long rejected, List<Reject> rejects, List<BatchSummary> batches,
                           long runId, boolean repeated) {
}
