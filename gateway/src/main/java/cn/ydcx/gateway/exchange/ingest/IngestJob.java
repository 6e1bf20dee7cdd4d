package cn.ydcx.gateway.exchange.ingest;

import cn.ydcx.gateway.mapping.NormalizeSummary;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.store.IngestRun;
import java.nio.file.Path;
import java.util.List;

/**
 * One ingest as it goes through the {@code ingest} route: the run of its file, the uploaded
 * file, and once normalised, the spool of accepted records and the rejects.
 *
 * @param repeat the run was already DONE: the same file posted again gets the same answer
 */
public record IngestJob(IngestRun run, Dataset dataset, Path upload, boolean repeat, Path spool,
                        NormalizeSummary summary, List<Reject> rejects) {

    IngestJob normalised(Path spoolFile, NormalizeSummary s, List<Reject> r) {
        return new IngestJob(run, dataset, upload, repeat, spoolFile, s, r);
    }

    /** Whether this post still has batches to make (for the route's choice). */
    public boolean needsBatches() {
        return !repeat;
    }
}
