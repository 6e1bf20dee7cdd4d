package cn.ydcx.gateway.api;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.exchange.ExchangeStatus;
import cn.ydcx.gateway.exchange.receive.ReceiveOutcome;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchDocuments;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.Delivery;
import cn.ydcx.gateway.store.DeliveryState;
import cn.ydcx.gateway.store.OutboxStore;
import cn.ydcx.gateway.store.ProgressStore;
import cn.ydcx.gateway.store.RefusedBatchStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Peer-to-peer batch delivery, catch-up, delivery states, and the node's exchange status. */
@RestController
public class ExchangeController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int MAX_FETCH = 100;

    private final ProducerTemplate camel;
    private final BatchStore batches;
    private final BatchDocuments documents;
    private final OutboxStore outbox;
    private final ProgressStore progress;
    private final RefusedBatchStore refused;
    private final ExchangeStatus status;
    private final AuditLog audit;
    private final NodeProperties props;
    private final Clock clock;

    public ExchangeController(ProducerTemplate camel, BatchStore batches, BatchDocuments documents, OutboxStore outbox,
                              ProgressStore progress, RefusedBatchStore refused, ExchangeStatus status,
                              AuditLog audit, NodeProperties props, Clock clock) {
        this.camel = camel;
        this.batches = batches;
        this.documents = documents;
        this.outbox = outbox;
        this.progress = progress;
        this.refused = refused;
        this.status = status;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    /** A peer delivers a batch; the answer is the signed receipt (route {@code receive-batch}). */
    @PostMapping(value = "/api/v1/exchange/batches", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
        byte[] body = readAtMost(request, props.maxBatchBytes() + 1);
        Exchange done = camel.request("direct:receive-batch", ex -> {
            ex.getMessage().setBody(body);
            ex.getMessage().setHeader("peer", PeerIdentity.commonName(request));
        });
        if (done.getException() != null) {
            throw new IllegalStateException("the batch could not be received: " + done.getException().getMessage(),
                    done.getException());
        }
        ReceiveOutcome outcome = done.getMessage().getBody(ReceiveOutcome.class);
        return ResponseEntity.status(outcome.httpStatus()).body(outcome.receipt());
    }

    /** The body, or its first {@code limit} bytes when longer (then it is refused as TOO_LARGE). */
    private static byte[] readAtMost(HttpServletRequest request, long limit) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 16));
        }
    }

    /**
     * This node's own signed batches of (source, dataset) from {@code fromSeq} on, in seq order,
     * one document per line: how a receiver fills a gap (SPEC §7). {@code X-Last-Seq} is the
     * last seq this node has signed for it.
     */
    @GetMapping(value = "/api/v1/exchange/batches", produces = "application/x-ndjson")
    public ResponseEntity<StreamingResponseBody> ownBatches(@RequestParam String source, @RequestParam String dataset,
                                                            @RequestParam long fromSeq,
                                                            @RequestParam(defaultValue = "10") int limit) {
        String d = Dataset.of(dataset).code();
        if (!props.node().name().equals(source)) {
            throw new IllegalArgumentException("node " + props.node() + " serves only its own batches, not those of "
                    + source + ": ask " + source);
        }
        if (fromSeq < 1 || limit < 1) {
            throw new IllegalArgumentException("fromSeq and limit must be at least 1, were " + fromSeq + " and " + limit);
        }
        List<BatchRow> rows = batches.outFrom(source, d, fromSeq, Math.min(limit, MAX_FETCH));
        long last = progress.find(source, d).map(p -> p.lastSeq()).orElse(0L);
        StreamingResponseBody body = out -> {
            for (BatchRow b : rows) {
                documents.write(b, out);
                out.write('\n');
                out.flush();
            }
        };
        return ResponseEntity.ok().contentType(NDJSON).header("X-Last-Seq", String.valueOf(last)).body(body);
    }

    /** A batch this node holds: its header fields, state, and (sender side) its deliveries. */
    @GetMapping("/api/v1/exchange/batches/{batchId}")
    public ResponseEntity<Object> batch(@PathVariable String batchId) {
        return batches.find(batchId)
                .<ResponseEntity<Object>>map(b -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("batchId", b.batchId());
                    out.put("direction", b.direction());
                    out.put("source", b.source());
                    out.put("dataset", b.dataset());
                    out.put("seq", b.seq());
                    out.put("count", b.recordCount());
                    out.put("merkleRoot", b.merkleRoot());
                    out.put("createdAt", b.createdAt().toString());
                    out.put("state", b.state().name());
                    out.put("deliveries", outbox.forBatch(batchId).stream().map(ExchangeController::delivery).toList());
                    return ResponseEntity.ok(out);
                })
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no batch " + batchId + " at "
                        + props.node())));
    }

    /** The signed batch document, for re-verification by anyone. */
    @GetMapping(value = "/api/v1/exchange/batches/{batchId}/document", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> document(@PathVariable String batchId) {
        return batches.find(batchId)
                .map(b -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(documents.bytes(b)))
                .orElseGet(() -> ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON)
                        .body(("{\"error\":\"no batch " + batchId.replace("\"", "") + " at " + props.node() + "\"}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Deliveries by state, peer and batch (any may be left out), newest first. */
    @GetMapping("/api/v1/exchange/deliveries")
    public Map<String, Object> deliveries(@RequestParam(required = false) String state,
                                          @RequestParam(required = false) String peer,
                                          @RequestParam(required = false) String batchId,
                                          @RequestParam(defaultValue = "100") int limit) {
        DeliveryState s = state == null ? null : parseState(state);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("counts", outbox.countByState());
        out.put("deliveries", outbox.list(s, peer, batchId, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(ExchangeController::delivery).toList());
        return out;
    }

    /** Operator action: a REFUSED delivery is sent again, a RETRYING one is tried now. */
    @PostMapping("/api/v1/exchange/batches/{batchId}/deliveries/{peer}/resend")
    public Map<String, Object> resend(@PathVariable String batchId, @PathVariable String peer,
                                      HttpServletRequest request) {
        Instant now = Instant.now(clock);
        DeliveryState before = outbox.resend(batchId, peer, now);
        ObjectNode entry = audit.entry(AuditEvent.DELIVERY_RESENT);
        entry.put("batchId", batchId).put("peer", peer).put("was", before.name());
        batches.find(batchId).ifPresent(b -> entry.put("merkleRoot", b.merkleRoot()));
        String cn = PeerIdentity.commonName(request);
        if (cn != null) {
            entry.put("by", cn);
        }
        audit.append(entry, List.of(batchId));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("batchId", batchId);
        out.put("peer", peer);
        out.put("was", before.name());
        out.put("delivery", outbox.find(batchId, peer).map(ExchangeController::delivery).orElse(null));
        return out;
    }

    /** Batches this node refused, with the reason, newest first. */
    @GetMapping("/api/v1/exchange/refused")
    public Map<String, Object> refused(@RequestParam(defaultValue = "50") int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", refused.count());
        out.put("refused", refused.list(Math.min(limit, 500)).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("receivedAt", r.receivedAt().toString());
            m.put("peer", r.peer());
            m.put("batchId", r.batchId());
            m.put("problem", r.problem());
            m.put("detail", r.detail());
            m.put("bodySha256", r.bodySha256());
            return m;
        }).toList());
        return out;
    }

    /** SPEC §11: this node's view of the exchange (at REGION: the region's). */
    @GetMapping("/api/v1/region/status")
    public Map<String, Object> regionStatus() {
        return status.status();
    }

    static Map<String, Object> delivery(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batchId", d.batchId());
        m.put("peer", d.peer());
        m.put("state", d.state().name());
        m.put("attempts", d.attempts());
        if (d.retryingSince() != null) {
            m.put("retryingSince", d.retryingSince().toString());
        }
        if (d.state().open()) {
            m.put("nextAttemptAt", d.nextAttemptAt().toString());
        }
        if (d.lastError() != null) {
            m.put("lastError", d.lastError());
        }
        if (d.receiptJson() != null) {
            m.put("receiptJson", d.receiptJson());
        }
        m.put("queuedAt", d.createdAt().toString());
        m.put("updatedAt", d.updatedAt().toString());
        return m;
    }

    private static DeliveryState parseState(String s) {
        try {
            return DeliveryState.valueOf(s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown delivery state '" + s + "' (PENDING, RETRYING, DELIVERED, REFUSED)");
        }
    }
}
