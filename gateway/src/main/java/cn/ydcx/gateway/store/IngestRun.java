package cn.ydcx.gateway.store;

import java.time.Instant;

/**
 * The ingest of one file: (dataset, mode, SHA-256 of its bytes) identifies it, so the same file
 * posted again continues or repeats this run. Counts are set when it is DONE.
 */
public record IngestRun(long runId, String dataset, String mode, String fileSha256, int batchSize, String state,
                        Long rows, Long accepted, Long rejected, Instant startedAt, Instant finishedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    public boolean done() {
        return DONE.equals(state);
    }
}
