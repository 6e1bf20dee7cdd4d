package cn.ydcx.gateway.exchange.receive;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.batch.BatchFields;
import cn.ydcx.gateway.batch.BatchProblem;
import cn.ydcx.gateway.batch.BatchVerifier;
import cn.ydcx.gateway.batch.VerifiedBatch;
import cn.ydcx.gateway.exchange.Hashes;
import cn.ydcx.gateway.exchange.ReceiptStatus;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.RecordKeys;
import cn.ydcx.gateway.node.GatewayMetrics;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchState;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.NewVersion;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The domain steps of the receive routes (routes/exchange.yaml). Nothing from a batch is stored
 * unless the whole batch verifies (SPEC §4). A verified batch is stored as it was verified (the
 * records' bytes from the request body) and applied strictly in seq order per (source,
 * dataset): a batch whose predecessors are missing is held back and applied as soon as the gap
 * is filled (by a later delivery, or by the catch-up route fetching it from the source).
 */
@Component("inbound")
public class InboundBatches {

    private static final Logger log = LoggerFactory.getLogger(InboundBatches.class);
    private static final int MAX_BATCH_ID = 200;

    private final BatchVerifier verifier;
    private final BatchStore batches;
    private final RecordVersionStore versions;
    private final ProgressStore progress;
    private final ReceiptSigner receipts;
    private final AuditLog audit;
    private final NodeProperties props;
    private final Clock clock;
    private final GatewayMetrics metrics;

    public InboundBatches(BatchVerifier verifier, BatchStore batches, RecordVersionStore versions,
                          ProgressStore progress, ReceiptSigner receipts, AuditLog audit, NodeProperties props,
                          Clock clock, GatewayMetrics metrics) {
        this.verifier = verifier;
        this.batches = batches;
        this.versions = versions;
        this.progress = progress;
        this.receipts = receipts;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Size limits, verification and the checks on the batch as a whole, outside any transaction. */
    public Inbound check(byte[] body, @Header("peer") String peer) throws BatchRefusedException {
        // Millisecond precision: what every database keeps, so a re-sent receipt is identical.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (body.length > props.maxBatchBytes()) {
            throw new BatchRefusedException(BatchProblem.TOO_LARGE, "batch body has " + body.length
                    + " bytes, the limit is " + props.maxBatchBytes(), null, body, peer);
        }
        VerifiedBatch v = metrics.timed("verify", () -> verifier.verifyForStorage(body));
        JsonNode header = v.header();
        if (v.size() > props.maxBatchRecords()) {
            throw new BatchRefusedException(BatchProblem.TOO_LARGE, "batch has " + v.size()
                    + " records, the limit is " + props.maxBatchRecords(), header, body, peer);
        }
        if (!v.valid()) {
            throw new BatchRefusedException(v.verification().problem(), v.verification().detail(), header, body, peer);
        }
        String batchId = header.path(BatchFields.BATCH_ID).asText();
        if (batchId.length() > MAX_BATCH_ID) {
            throw new BatchRefusedException(BatchProblem.MALFORMED, "batchId has " + batchId.length()
                    + " characters, at most " + MAX_BATCH_ID + " are accepted", header, body, peer);
        }
        String source = header.path(BatchFields.SOURCE).asText();
        if (source.equals(props.node().name())) {
            throw new BatchRefusedException(BatchProblem.OWN_BATCH, "batch " + batchId + " comes from this node ("
                    + source + "); a node does not receive its own batches", header, body, peer);
        }
        List<NewVersion> rows = new ArrayList<>(v.size());
        Set<String> ids = new HashSet<>(v.size() * 2);
        for (int i = 0; i < v.size(); i++) {
            VerifiedBatch.Slice r = v.record(i);
            RecordKeys keys;
            try {
                keys = RecordKeys.read(r.bytes(), r.offset(), r.length());
            } catch (IllegalArgumentException e) {
                throw new BatchRefusedException(BatchProblem.MALFORMED, "records[" + i + "]: " + e.getMessage(),
                        header, body, peer);
            }
            if (!ids.add(keys.recordId())) {
                throw new BatchRefusedException(BatchProblem.DUPLICATE_RECORD, "records[" + i + "] repeats recordId "
                        + keys.recordId() + ": a batch carries each record once", header, body, peer);
            }
            rows.add(new NewVersion(keys.recordId(), keys.op().name(), keys.subjectKey(), r.bytes(), r.offset(),
                    r.length()));
        }
        return new Inbound(body, v, peer, batchId, source, header.path(BatchFields.DATASET).asText(),
                header.path(BatchFields.SEQ).asLong(), Hashes.headerDigest(header), rows, now, null, null);
    }

    /**
     * In the apply transaction: waits for and takes the lock of the batch's (source, dataset),
     * then checks, against what is stored now, that the batch reuses neither another batch's id
     * nor a seq taken by another batch. A refusal is returned in the result, not thrown: the
     * route ends the (empty) transaction and {@link #answer} refuses it after.
     */
    public Inbound lock(Inbound in) {
        SourceProgress at = progress.lock(in.source(), in.dataset());
        Optional<BatchRow> sameId = batches.find(in.batchId());
        if (sameId.isPresent()) {
            return sameId.get().headerSha256().equals(in.headerSha256()) ? in.locked(at, null)
                    : in.locked(at, refusal(in, BatchProblem.DUPLICATE_BATCH_ID, "batchId " + in.batchId()
                            + " was already received with different content"));
        }
        if (in.seq() <= at.lastSeq()) {
            return in.locked(at, refusal(in, BatchProblem.SEQ_ALREADY_APPLIED, "seq " + in.seq() + " of "
                    + in.source() + "/" + in.dataset() + " was already applied here from another batch (applied up to "
                    + at.lastSeq() + ")"));
        }
        Optional<BatchRow> sameSeq = batches.findBySeq(in.source(), in.dataset(), in.seq());
        if (sameSeq.isPresent()) {
            return in.locked(at, refusal(in, BatchProblem.SEQ_ALREADY_APPLIED, "seq " + in.seq() + " of " + in.source()
                    + "/" + in.dataset() + " is already held here from batch " + sameSeq.get().batchId()));
        }
        return in.locked(at, null);
    }

    /** After the apply transaction: the receipt, or the refusal found under the lock, thrown for the refusals handler. */
    public ReceiveOutcome answer(Object result) throws BatchRefusedException {
        if (result instanceof Inbound in && in.refused()) {
            throw in.refusal();
        }
        return (ReceiveOutcome) result;
    }

    /** The same batch again (a retry whose first receipt got lost): acknowledged again, nothing changes. */
    public ReceiveOutcome duplicate(Inbound in) {
        BatchRow earlier = batches.find(in.batchId()).orElseThrow(() -> new IllegalStateException(
                "batch " + in.batchId() + " is known to the idempotent repository but not stored"));
        metrics.batchReceived(in.source(), "DUPLICATE");
        return new ReceiveOutcome(200, receipts.sign(in.header(), earlier.receivedAt(), ReceiptStatus.DUPLICATE,
                List.of(), earlier.state() == BatchState.HELD));
    }

    /**
     * Stores the batch; applies it when it is the next seq of its (source, dataset), then every
     * held batch that follows it without a gap; else holds it back.
     */
    public ReceiveOutcome store(Inbound in) throws JsonProcessingException {
        SourceProgress at = in.progress();
        boolean next = in.seq() == at.lastSeq() + 1;
        JsonNode h = in.header();
        BatchRow row = batches.insert(new BatchRow(0, BatchRow.IN, in.batchId(), in.source(), in.dataset(), in.seq(),
                in.versions().size(), h.path(BatchFields.MERKLE_ROOT).asText(), h.path(BatchFields.SUITE).asText(),
                Instant.parse(h.path(BatchFields.CREATED_AT).asText()), in.receivedAt(), in.headerSha256(),
                Json.mapper().writeValueAsString(h), Json.mapper().writeValueAsString(in.verified().signature()),
                next ? BatchState.APPLIED : BatchState.HELD, next ? in.receivedAt() : null, in.deliveredBy(),
                null, null));
        metrics.timed("store-in", () -> {
            versions.insert(row.batchRow(), in.source(), in.dataset(), in.seq(), in.versions(), next);
            return null;
        });
        ObjectNode entry = audit.entry(AuditEvent.BATCH_RECEIVED);
        entry.put("batchId", in.batchId()).put("source", in.source()).put("dataset", in.dataset())
                .put("seq", in.seq()).put("count", in.versions().size())
                .put("merkleRoot", row.merkleRoot()).put("headerSha256", in.headerSha256())
                .put("state", row.state().name());
        if (in.deliveredBy() != null) {
            entry.put("deliveredBy", in.deliveredBy());
        }
        audit.append(entry, List.of(in.batchId()));
        if (next) {
            apply(row, in.receivedAt());
            applyHeldAfter(in.source(), in.dataset(), in.seq(), in.receivedAt());
            metrics.batchReceived(in.source(), "APPLIED");
            log.info("batch {} from {} seq {} applied ({} records)", in.batchId(), in.deliveredBy(), in.seq(),
                    in.versions().size());
        } else {
            metrics.batchReceived(in.source(), "HELD");
            log.info("batch {} seq {} held back: {}/{} is applied up to seq {}; the gap is fetched from {}",
                    in.batchId(), in.seq(), in.source(), in.dataset(), at.lastSeq(), in.source());
        }
        return new ReceiveOutcome(200, receipts.sign(h, in.receivedAt(), ReceiptStatus.ACCEPTED, List.of(), !next));
    }

    private void apply(BatchRow row, Instant now) {
        long activeDelta = metrics.timed("apply", () -> versions.makeCurrent(row.batchRow()));
        progress.advance(row.source(), row.dataset(), row.seq(), now, activeDelta);
        ObjectNode done = audit.entry(AuditEvent.APPLIED);
        done.put("batchId", row.batchId()).put("source", row.source()).put("dataset", row.dataset())
                .put("seq", row.seq()).put("count", row.recordCount()).put("merkleRoot", row.merkleRoot())
                .put("activeChange", activeDelta);
        audit.append(done, List.of(row.batchId()));
    }

    /** Applies the held batches that now follow without a gap. */
    private void applyHeldAfter(String source, String dataset, long appliedSeq, Instant now) {
        long expected = appliedSeq + 1;
        for (BatchRow held : batches.held(source, dataset)) {
            if (held.seq() != expected) {
                break;
            }
            batches.markApplied(held.batchRow(), now);
            apply(held, now);
            log.info("held batch {} seq {} applied", held.batchId(), held.seq());
            expected++;
        }
    }

    private static BatchRefusedException refusal(Inbound in, BatchProblem problem, String detail) {
        return new BatchRefusedException(problem, detail, in.header(), in.body(), in.deliveredBy());
    }
}
