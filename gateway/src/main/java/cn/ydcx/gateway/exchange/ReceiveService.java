package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.batch.BatchVerification;
import cn.ydcx.gateway.batch.BatchVerifier;
import cn.ydcx.gateway.exchange.ReceiptSigner.Problem;
import cn.ydcx.gateway.exchange.ReceiptSigner.ReceiptStatus;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.GatewayMetrics;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.RecordStore;
import cn.ydcx.gateway.store.RefusedBatch;
import cn.ydcx.gateway.store.RefusedBatchStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a batch from a peer. Nothing from a batch is stored unless the whole batch verifies
 * (SPEC §4); a refused batch is kept verbatim in the refused-batch log with its reason and
 * written to the audit log, and the sender gets a signed receipt that names the problem.
 */
@Component("receiveService")
public class ReceiveService {

    private static final Logger log = LoggerFactory.getLogger(ReceiveService.class);
    private static final int MAX_BATCH_ID = 200;

    private final BatchVerifier verifier;
    private final BatchStore batches;
    private final RecordStore records;
    private final RefusedBatchStore refused;
    private final ReceiptSigner receipts;
    private final AuditLog audit;
    private final NodeProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GatewayMetrics metrics;

    public ReceiveService(BatchVerifier verifier, BatchStore batches, RecordStore records,
                          RefusedBatchStore refused, ReceiptSigner receipts, AuditLog audit,
                          NodeProperties props, TransactionTemplate tx, Clock clock, GatewayMetrics metrics) {
        this.metrics = metrics;
        this.verifier = verifier;
        this.batches = batches;
        this.records = records;
        this.refused = refused;
        this.receipts = receipts;
        this.audit = audit;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    /** Serialised per node so two deliveries of the same batch cannot both be applied. */
    public synchronized ReceiveOutcome receive(byte[] body, String peer) {
        // Millisecond precision: what every database keeps, so a re-sent receipt is identical.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (body.length > props.maxBatchBytes()) {
            return refuse(body, peer, null, now, "TOO_LARGE",
                    "batch body has " + body.length + " bytes, the limit is " + props.maxBatchBytes());
        }
        JsonNode batch;
        try {
            batch = Json.mapper().readTree(body);
        } catch (Exception e) {
            return refuse(body, peer, null, now, "MALFORMED", "body is not JSON: " + firstLine(e.getMessage()));
        }
        if (batch == null || !batch.isObject() || !batch.path("header").isObject()) {
            return refuse(body, peer, null, now, "MALFORMED", "body is not a batch document (no header object)");
        }
        JsonNode header = batch.get("header");
        int count = batch.path("records").size();
        if (count > props.maxBatchRecords()) {
            return refuse(body, peer, header, now, "TOO_LARGE",
                    "batch has " + count + " records, the limit is " + props.maxBatchRecords());
        }
        // Records the sender wrote in JCS form are hashed as received (issue 4); the tree, needed
        // anyway to store the records, serves the others.
        BatchVerification v = verifier.verify(body, batch);
        if (!v.valid()) {
            return refuse(body, peer, header, now, v.problem().name(), v.detail());
        }
        String batchId = header.path("batchId").asText();
        if (batchId.length() > MAX_BATCH_ID) {
            return refuse(body, peer, header, now, "MALFORMED",
                    "batchId has " + batchId.length() + " characters, at most " + MAX_BATCH_ID + " are accepted");
        }
        String digest = Hashes.headerDigest(header);
        Optional<BatchRow> earlier = batches.find(batchId, "IN");
        if (earlier.isPresent()) {
            if (earlier.get().contentSha256().equals(digest)) {
                // The same batch again (a retry whose first receipt got lost): acknowledge again.
                metrics.batchReceived(header.path("source").asText(null), "DUPLICATE");
                return new ReceiveOutcome(200, receipts.sign(header, earlier.get().receivedAt(),
                        ReceiptStatus.DUPLICATE, List.of()));
            }
            return refuse(body, peer, header, now, "DUPLICATE_BATCH_ID",
                    "batchId " + batchId + " was already received with different content");
        }
        String source = header.path("source").asText();
        String dataset = header.path("dataset").asText();
        long seq = header.path("seq").asLong();
        if (batches.seqSeen(source, dataset, seq, "IN")) {
            return refuse(body, peer, header, now, "SEQ_ALREADY_APPLIED",
                    "seq " + seq + " of " + source + "/" + dataset + " was already applied from another batch");
        }
        apply(batch, body, peer, digest, now);
        metrics.batchReceived(source, "APPLIED");
        return new ReceiveOutcome(200, receipts.sign(header, now, ReceiptStatus.ACCEPTED, List.of()));
    }

    private void apply(JsonNode batch, byte[] body, String peer, String digest, Instant now) {
        JsonNode header = batch.get("header");
        String batchId = header.path("batchId").asText();
        long seq = header.path("seq").asLong();
        tx.executeWithoutResult(status -> {
            batches.insert(new BatchRow(batchId, "IN", header.path("source").asText(),
                    header.path("dataset").asText(), seq, batch.path("records").size(),
                    header.path("merkleRoot").asText(), header.path("suite").asText(),
                    Instant.parse(header.path("createdAt").asText()), now, digest,
                    new String(body, StandardCharsets.UTF_8), "APPLIED"));
            int applied = 0;
            int retracted = 0;
            int stale = 0;
            for (JsonNode r : batch.get("records")) {
                switch (records.apply(StoredRecords.from(r, batchId, seq, now))) {
                    case APPLIED -> applied++;
                    case RETRACTED -> retracted++;
                    case STALE -> stale++;
                }
            }
            ObjectNode entry = audit.entry(AuditEvent.BATCH_RECEIVED);
            entry.put("batchId", batchId).put("source", header.path("source").asText())
                    .put("dataset", header.path("dataset").asText()).put("seq", seq)
                    .put("count", batch.path("records").size())
                    .put("merkleRoot", header.path("merkleRoot").asText())
                    .put("headerSha256", digest);
            if (peer != null) {
                entry.put("peer", peer);
            }
            List<String> ids = new java.util.ArrayList<>();
            batch.get("records").forEach(r -> ids.add(r.path("recordId").asText()));
            audit.append(entry, ids);
            ObjectNode done = audit.entry(AuditEvent.APPLIED);
            done.put("batchId", batchId).put("applied", applied).put("retracted", retracted).put("stale", stale);
            audit.append(done);
        });
        log.info("batch {} from {} applied ({} records)", batchId, header.path("source").asText(),
                batch.path("records").size());
    }

    private ReceiveOutcome refuse(byte[] body, String peer, JsonNode header, Instant now,
                                  String problem, String detail) {
        String batchId = header == null ? null : textOrNull(header, "batchId");
        tx.executeWithoutResult(status -> {
            refused.insert(RefusedBatch.of(now, peer, batchId, header == null ? null : textOrNull(header, "source"),
                    header == null ? null : textOrNull(header, "dataset"),
                    header != null && header.path("seq").canConvertToLong() ? header.path("seq").asLong() : null,
                    problem, detail, body));
            ObjectNode entry = audit.entry(AuditEvent.BATCH_REFUSED);
            if (batchId != null) {
                entry.put("batchId", batchId);
            }
            if (peer != null) {
                entry.put("peer", peer);
            }
            entry.put("problem", problem).put("detail", detail).put("bodySha256", Hashes.sha256Hex(body));
            audit.append(entry);
        });
        log.warn("refused batch {} from {}: {} {}", batchId, peer, problem, detail);
        metrics.batchReceived(header == null ? null : textOrNull(header, "source"), "REFUSED_" + problem);
        int status = problem.equals("TOO_LARGE") ? 413 : problem.startsWith("DUPLICATE") || problem.startsWith("SEQ") ? 409 : 422;
        return new ReceiveOutcome(status, receipts.sign(header, now, ReceiptStatus.REFUSED,
                List.of(new Problem(problem, detail))));
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
