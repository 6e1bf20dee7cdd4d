package cn.ydcx.gateway.exchange.ingest;

import java.util.List;

/** What ingest reports about one outbound batch. */
public record BatchSummary(String batchId, String dataset, long seq, int count, String merkleRoot,
                           List<String> peers) {
}
