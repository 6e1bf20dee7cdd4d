package cn.ydcx.gateway.exchange.ingest;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.mapping.NormalizeSink;
import cn.ydcx.gateway.mapping.NormalizeSummary;
import cn.ydcx.gateway.mapping.Normalizer;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.mapping.UnreadableFileException;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.GatewayMetrics;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.IngestRun;
import cn.ydcx.gateway.store.IngestRunStore;
import cn.ydcx.gateway.store.OutboxStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The domain steps of the {@code ingest} route (routes/ingest.yaml): a native file of this
 * node's office becomes a spool of canonical records and rejects, then signed batches.
 *
 * <p>The whole file is normalised before any batch is made: a file that turns out unreadable
 * half-way produces nothing. A file is identified by its SHA-256 (with dataset and mode): posted
 * again, it continues its run where it stopped (chunks already signed are not signed again) or,
 * when the run is done, gets the same answer; a restarted node finishes interrupted runs itself.
 */
@Component("ingest")
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    static final String INCREMENT = "increment";

    private final Normalizer normalizer;
    private final IngestRunStore runs;
    private final BatchStore batches;
    private final OutboxStore outbox;
    private final AuditLog audit;
    private final NodeProperties props;
    private final GatewayMetrics metrics;
    private final Clock clock;
    /** Runs started before this are an earlier process's: only those are resumed at start. */
    private final Instant started;

    public IngestService(Normalizer normalizer, IngestRunStore runs, BatchStore batches, OutboxStore outbox,
                         AuditLog audit, NodeProperties props, GatewayMetrics metrics, Clock clock) {
        this.normalizer = normalizer;
        this.runs = runs;
        this.batches = batches;
        this.outbox = outbox;
        this.audit = audit;
        this.props = props;
        this.metrics = metrics;
        this.clock = clock;
        this.started = Instant.now(clock);
    }

    /** Where the node keeps an upload until its run is done (a restarted node resumes from it). */
    public static Path uploadPath(Path dataDir, String dataset, String mode, String sha256) {
        return dataDir.resolve("uploads").resolve(sha256 + "-" + dataset + "-" + mode + ".upload");
    }

    /** Finds or starts the run of this file. */
    public IngestJob begin(@Header("dataset") String dataset, @Header("mode") String mode,
                           @Header("fileSha256") String sha256, Path upload) {
        Dataset d = Dataset.of(dataset);
        String m = mode(mode);
        IngestRun run = runs.begin(d.code(), m, sha256, props.batchSize(), Instant.now(clock));
        return new IngestJob(run, d, upload, run.done(), null, null, null);
    }

    /** The mode of an ingest: {@code increment} (the default). */
    static String mode(String mode) {
        String m = mode == null || mode.isBlank() ? INCREMENT : mode.strip().toLowerCase(Locale.ROOT);
        if (!m.equals(INCREMENT)) {
            throw new IllegalArgumentException("mode '" + mode + "' is not supported: use mode=increment");
        }
        return m;
    }

    /**
     * Normalises the upload to a spool of accepted records (and the rejects), and logs the
     * ingest. A whole-file failure ends the run with nothing made and is thrown to the caller.
     */
    public IngestJob normalise(IngestJob job) throws IOException {
        Path spool = Files.createTempFile(job.upload().getParent(), "spool-", ".bin");
        List<Reject> rejects = new ArrayList<>();
        NormalizeSummary summary;
        try (InputStream in = Files.newInputStream(job.upload()); Spool.Writer out = new Spool.Writer(spool)) {
            summary = metrics.timed("normalise", () -> normalizer.normalize(props.node(), job.dataset(), in, new NormalizeSink() {
                @Override
                public void record(CanonicalRecord r) {
                    out.add(r);
                }

                @Override
                public void reject(Reject r) {
                    rejects.add(r);
                }

                @Override
                public void progress(long rowsSoFar) {
                    metrics.ingestProgress(rowsSoFar);
                    log.info("ingest {} run {}: {} rows read", job.dataset().code(), job.run().runId(), rowsSoFar);
                }
            }));
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(spool);
            metrics.ingestProgress(0);
            if (e instanceof UnreadableFileException) {
                // the file itself is bad: nothing of it was signed, so the run and the upload go
                runs.abandon(job.run().runId());
                Files.deleteIfExists(job.upload());
            }
            throw e;
        }
        metrics.ingestProgress(0);
        if (!job.repeat()) {
            metrics.ingested(job.dataset().code(), summary.accepted(), summary.rejected());
        }
        logIngest(job, summary, rejects);
        return job.normalised(spool, summary, rejects);
    }

    /** The spool in batches, without the chunks of this run already signed by an earlier post. */
    public Iterator<SpooledBatch> batches(IngestJob job) throws IOException {
        Set<Integer> done = batches.ofIngestRun(job.run().runId()).stream().map(BatchRow::chunkNo)
                .collect(Collectors.toSet());
        Spool.Batches all = new Spool.Batches(job.spool(), job.run().batchSize());
        if (!done.isEmpty()) {
            log.info("ingest {} run {}: {} batches were signed before, continuing after them",
                    job.dataset().code(), job.run().runId(), done.size());
        }
        return new SkippingIterator(all, done);
    }

    /** Ends the run and answers with every batch of it, in seq order. */
    public IngestResult finish(IngestJob job) throws IOException {
        runs.finish(job.run().runId(), job.summary().rows(), job.summary().accepted(), job.summary().rejected(),
                Instant.now(clock));
        List<BatchSummary> made = batches.ofIngestRun(job.run().runId()).stream()
                .map(b -> new BatchSummary(b.batchId(), b.dataset(), b.seq(), b.recordCount(), b.merkleRoot(),
                        outbox.forBatch(b.batchId()).stream().map(d -> d.peer()).toList()))
                .toList();
        Files.deleteIfExists(job.spool());
        Files.deleteIfExists(job.upload());
        return new IngestResult(job.summary().accepted(), job.summary().rejected(), job.rejects(), made,
                job.run().runId(), job.repeat());
    }

    /** Runs left RUNNING by a stopped node whose upload is still here, as ingest messages to resume. */
    public List<ResumableRun> unfinished() {
        List<ResumableRun> out = new ArrayList<>();
        for (IngestRun r : runs.running()) {
            if (!r.startedAt().isBefore(started)) {
                continue; // begun by this process: it is running now
            }
            Path upload = uploadPath(props.dataDir(), r.dataset(), r.mode(), r.fileSha256());
            if (Files.isRegularFile(upload)) {
                out.add(new ResumableRun(r.dataset(), r.mode(), r.fileSha256(), upload));
            } else {
                log.warn("ingest run {} ({} {}) was interrupted and its upload is gone: the office must post the"
                        + " file again", r.runId(), r.dataset(), r.fileSha256());
            }
        }
        return out;
    }

    /** An interrupted run the node can finish from its upload. */
    public record ResumableRun(String dataset, String mode, String fileSha256, Path upload) {
    }

    private void logIngest(IngestJob job, NormalizeSummary summary, List<Reject> rejects) {
        ObjectNode entry = audit.entry(AuditEvent.INGESTED);
        entry.put("dataset", job.dataset().code()).put("mode", job.run().mode())
                .put("fileSha256", job.run().fileSha256()).put("runId", job.run().runId())
                .put("rows", summary.rows()).put("accepted", summary.accepted()).put("rejected", summary.rejected());
        if (job.repeat()) {
            entry.put("repeatOfRun", job.run().runId());
        }
        audit.append(entry);
        if (!rejects.isEmpty() && !job.repeat()) {
            ObjectNode rej = audit.entry(AuditEvent.REJECTED);
            rej.put("dataset", job.dataset().code()).put("fileSha256", job.run().fileSha256())
                    .put("runId", job.run().runId());
            rej.set("rejects", Json.mapper().valueToTree(rejects));
            audit.append(rej);
        }
    }

    /** The spool's batches minus the chunks already done; closing it closes the spool. */
    private static final class SkippingIterator implements Iterator<SpooledBatch>, java.io.Closeable {
        private final Spool.Batches all;
        private final Set<Integer> skip;
        private SpooledBatch next;

        SkippingIterator(Spool.Batches all, Set<Integer> skip) {
            this.all = all;
            this.skip = skip;
            advance();
        }

        private void advance() {
            next = null;
            while (all.hasNext()) {
                SpooledBatch b = all.next();
                if (!skip.contains(b.chunkNo())) {
                    next = b;
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public SpooledBatch next() {
            if (next == null) {
                throw new java.util.NoSuchElementException();
            }
            SpooledBatch out = next;
            advance();
            return out;
        }

        @Override
        public void close() throws IOException {
            all.close();
        }
    }
}
