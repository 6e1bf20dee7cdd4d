package cn.ydcx.gateway.exchange.ingest;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.batch.BatchFields;
import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.exchange.Hashes;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.GatewayMetrics;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchState;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.NewVersion;
import cn.ydcx.gateway.store.OutboxStore;
import cn.ydcx.gateway.store.ProgressStore;
import cn.ydcx.gateway.store.RecordVersionStore;
import cn.ydcx.gateway.store.SourceProgress;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One chunk of an ingest becomes one signed batch: the next seq of (this node, dataset), the
 * signature, the batch and its records stored as the newest versions of the node's own view, one
 * delivery queued per peer, the audit entry. Called in the transaction of the {@code sign-batch}
 * route: all of it commits together or not at all, so a seq is never lost or used twice.
 */
@Component("outboundBatches")
public class OutboundBatches {

    private static final Logger log = LoggerFactory.getLogger(OutboundBatches.class);

    private final NodeProperties props;
    private final BatchSigner signer;
    private final ProgressStore progress;
    private final BatchStore batches;
    private final RecordVersionStore versions;
    private final OutboxStore outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final GatewayMetrics metrics;

    public OutboundBatches(NodeProperties props, BatchSigner signer, ProgressStore progress, BatchStore batches,
                           RecordVersionStore versions, OutboxStore outbox, AuditLog audit, Clock clock,
                           GatewayMetrics metrics) {
        this.metrics = metrics;
        this.props = props;
        this.signer = signer;
        this.progress = progress;
        this.batches = batches;
        this.versions = versions;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public BatchSummary sign(SpooledBatch chunk, IngestJob job) throws JsonProcessingException {
        String source = props.node().name();
        String dataset = job.dataset().code();
        // the lock orders this with every other batch of (source, dataset), here or in another instance
        SourceProgress at = progress.lock(source, dataset);
        var made = batches.findChunk(job.run().runId(), chunk.chunkNo());
        if (made.isPresent()) { // signed meanwhile by a concurrent post of the same file
            BatchRow b = made.get();
            return new BatchSummary(b.batchId(), dataset, b.seq(), b.recordCount(), b.merkleRoot(),
                    outbox.forBatch(b.batchId()).stream().map(d -> d.peer()).toList());
        }
        long seq = at.lastSeq() + 1;
        String batchId = source + "-" + dataset + "-" + seq + "-" + UUID.randomUUID();
        Instant now = Instant.now(clock);
        Instant createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        List<byte[]> leaves = new ArrayList<>(chunk.records().size());
        List<NewVersion> rows = new ArrayList<>(chunk.records().size());
        for (SpooledRecord r : chunk.records()) {
            leaves.add(r.jcs());
            rows.add(NewVersion.of(r.recordId(), r.op(), r.subjectKey(), r.jcs()));
        }
        ObjectNode signed = metrics.timed("sign",
                () -> signer.signCanonical(batchId, props.node(), job.dataset(), seq, createdAt, leaves));
        JsonNode header = signed.get(BatchFields.HEADER);
        BatchRow row = batches.insert(new BatchRow(0, BatchRow.OUT, batchId, source, dataset, seq, leaves.size(),
                header.get(BatchFields.MERKLE_ROOT).asText(), header.get(BatchFields.SUITE).asText(), createdAt, now,
                Hashes.headerDigest(header), Json.mapper().writeValueAsString(header),
                Json.mapper().writeValueAsString(signed.get(BatchFields.SIGNATURE)), BatchState.APPLIED, now, null,
                job.run().runId(), chunk.chunkNo()));
        long activeDelta = metrics.timed("store-out", () -> {
            versions.insert(row.batchRow(), source, dataset, seq, rows, true);
            return versions.makeCurrent(row.batchRow());
        });
        progress.advance(source, dataset, seq, now, activeDelta);
        List<String> peers = new ArrayList<>(props.peers().keySet());
        outbox.enqueue(batchId, peers, now);
        ObjectNode entry = audit.entry(AuditEvent.BATCH_SIGNED);
        entry.put("batchId", batchId).put("source", source).put("dataset", dataset).put("seq", seq)
                .put("count", leaves.size()).put("merkleRoot", row.merkleRoot()).put("suite", row.suite())
                .put("runId", job.run().runId()).put("chunk", chunk.chunkNo());
        entry.set("peers", Json.mapper().valueToTree(peers));
        audit.append(entry, List.of(batchId));
        log.info("ingest {} run {}: batch {} seq {} signed ({} records), queued for {}", dataset,
                job.run().runId(), chunk.chunkNo(), seq, leaves.size(), peers);
        return new BatchSummary(batchId, dataset, seq, leaves.size(), row.merkleRoot(), peers);
    }
}
