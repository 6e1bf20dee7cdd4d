package cn.ydcx.gateway.exchange.ingest;

import java.util.List;

/** Chunk {@code chunkNo} (0-based) of an ingest's records: what becomes one signed batch. */
public record SpooledBatch(int chunkNo, List<SpooledRecord> records) {
}
