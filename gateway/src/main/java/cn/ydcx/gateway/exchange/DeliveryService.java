package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.OutboxStore;
import cn.ydcx.gateway.store.Delivery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes queued batches to peers (Domibus-style message states). A receipt with status ACCEPTED
 * or DUPLICATE makes the delivery DELIVERED; a refusal is final (REFUSED, never resent: the
 * peer said the batch is wrong); a network error or a 5xx is retried with doubling waits until
 * {@code gateway.delivery.max-attempts}, then FAILED. Called from one Camel consumer only, so
 * a delivery is never in flight twice.
 */
@Component("deliveryService")
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);
    static final String BATCHES_PATH = "/api/v1/exchange/batches";

    private final OutboxStore outbox;
    private final BatchStore batches;
    private final PeerClient client;
    private final ReceiptVerifier receipts;
    private final AuditLog audit;
    private final NodeProperties props;
    private final Clock clock;

    public DeliveryService(OutboxStore outbox, BatchStore batches, PeerClient client,
                           ReceiptVerifier receipts, AuditLog audit, NodeProperties props, Clock clock) {
        this.outbox = outbox;
        this.batches = batches;
        this.client = client;
        this.receipts = receipts;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    /** Attempts every due delivery once; returns how many were attempted. */
    public int dispatchDue() {
        List<Delivery> due = outbox.due(Instant.now(clock), 100);
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, Optional<BatchRow>> byId = new LinkedHashMap<>();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (Delivery d : due) {
            Optional<BatchRow> batch = byId.computeIfAbsent(d.batchId(), id -> batches.find(id, "OUT"));
            if (batch.isEmpty()) {
                outbox.markFailed(d.batchId(), d.peer(), "batch not found in the outbound store", Instant.now(clock));
                continue;
            }
            BatchRow row = batch.get();
            inFlight.add(client.postJson(d.peer(), BATCHES_PATH, row.batchJson())
                    .handle((resp, err) -> {
                        settle(d, row, resp, err);
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return inFlight.size();
    }

    private void settle(Delivery d, BatchRow batch, HttpResponse<String> resp, Throwable err) {
        Instant now = Instant.now(clock);
        try {
            if (err != null) {
                retryOrFail(d, describe(err), now);
                return;
            }
            int status = resp.statusCode();
            if (status >= 500 || status == 429) {
                retryOrFail(d, "HTTP " + status + ": " + abbreviate(resp.body()), now);
                return;
            }
            ReceiptVerifier.Checked receipt = receipts.check(resp.body(), d.peer(), batch);
            if (!receipt.valid()) {
                // An unverifiable receipt proves nothing: try again, the peer may answer properly.
                retryOrFail(d, "bad receipt: " + receipt.problem(), now);
                return;
            }
            ObjectNode entry = audit.entry(AuditEvent.RECEIPT);
            entry.put("batchId", d.batchId()).put("peer", d.peer()).put("status", receipt.status());
            entry.set("receipt", Json.mapper().readTree(resp.body()));
            if (receipt.accepted()) {
                outbox.markDelivered(d.batchId(), d.peer(), resp.body(), now);
            } else {
                outbox.markRefused(d.batchId(), d.peer(), receipt.problem(), resp.body(), now);
                log.warn("peer {} refused batch {}: {}", d.peer(), d.batchId(), receipt.problem());
            }
            audit.append(entry);
        } catch (Exception e) {
            log.error("could not record the outcome of delivering {} to {}", d.batchId(), d.peer(), e);
        }
    }

    private void retryOrFail(Delivery d, String error, Instant now) {
        int attempts = d.attempts() + 1;
        if (attempts >= props.delivery().maxAttempts()) {
            outbox.markFailed(d.batchId(), d.peer(), error, now);
            log.warn("delivery of {} to {} failed after {} attempts: {}", d.batchId(), d.peer(), attempts, error);
            return;
        }
        Duration wait = props.delivery().retryInterval().multipliedBy(1L << Math.min(attempts - 1, 10));
        outbox.markRetry(d.batchId(), d.peer(), error, now.plus(wait), now);
        log.info("delivery of {} to {} will be retried in {}: {}", d.batchId(), d.peer(), wait, error);
    }

    private static String describe(Throwable err) {
        Throwable t = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** Delivery states of one outbound batch, for the API and the demo. */
    public List<Delivery> deliveries(String batchId) {
        return outbox.forBatch(batchId);
    }

    static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
