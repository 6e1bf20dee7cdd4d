package cn.ydcx.gateway.exchange.delivery;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.GatewayMetrics;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchDocuments;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.Delivery;
import cn.ydcx.gateway.store.OutboxStore;
import cn.ydcx.gateway.store.PeerLinkStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The domain steps of the {@code dispatch-to-peer} routes (routes/delivery.yaml), one route per
 * peer: take the peer's oldest open delivery when it is due, settle it by the peer's signed
 * receipt, or schedule the next attempt. A peer gets its batches one at a time, in the order
 * they were queued, so a receiver sees a source's seqs in order; a delivery is never given up
 * (the wait between attempts doubles up to {@code gateway.delivery.max-interval}).
 *
 * <p>Everything about a delivery is in the database (the outbox, the peer's lease), none of it
 * in memory: a restarted node, or another instance on the same database, carries on.
 */
@Component("dispatcher")
public class Dispatcher {

    /** Exchange property: the {@link Delivery} being attempted. */
    public static final String DELIVERY = "delivery";
    /** Exchange property: whether {@link #take} found a delivery to attempt now. */
    public static final String DUE = "due";
    /** Exchange property: System.nanoTime() when the batch was handed to the https component. */
    static final String SENT_AT = "sentAt";
    /** Exchange property: the peer code of the route. */
    public static final String PEER = "peer";

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboxStore outbox;
    private final PeerLinkStore links;
    private final BatchStore batches;
    private final BatchDocuments documents;
    private final ReceiptVerifier receipts;
    private final AuditLog audit;
    private final NodeProperties props;
    private final Clock clock;
    private final GatewayMetrics metrics;
    /** This instance, as the owner of peer leases. */
    private final String instance = UUID.randomUUID().toString();

    public Dispatcher(OutboxStore outbox, PeerLinkStore links, BatchStore batches, BatchDocuments documents,
                      ReceiptVerifier receipts, AuditLog audit, NodeProperties props, Clock clock,
                      GatewayMetrics metrics) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.links = links;
        this.batches = batches;
        this.documents = documents;
        this.receipts = receipts;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Takes the next delivery of the route's peer: when the peer's oldest open delivery is due
     * and this instance holds the peer's lease, the batch document becomes the body, the delivery
     * a property, and {@link #DUE} true; else {@link #DUE} is false (nothing to send now).
     */
    public void take(Exchange exchange) {
        exchange.setProperty(DUE, next(exchange));
    }

    private boolean next(Exchange exchange) {
        String peer = exchange.getProperty(PEER, String.class);
        Instant now = Instant.now(clock);
        Optional<Delivery> head = outbox.head(peer);
        if (head.isEmpty() || head.get().nextAttemptAt().isAfter(now)) {
            return false;
        }
        Duration lease = props.delivery().timeout().multipliedBy(2);
        if (!links.claim(peer, instance, now, now.plus(lease))) {
            return false; // another instance of this node is sending to that peer
        }
        Delivery d = head.get();
        Optional<BatchRow> batch = batches.find(d.batchId());
        if (batch.isEmpty()) {
            throw new IllegalStateException("delivery of " + d.batchId() + " to " + peer
                    + ": the batch is not in this node's store");
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(metrics.timed("load-out", () -> documents.bytes(batch.get())));
        exchange.setProperty(DELIVERY, d);
        exchange.setProperty(SENT_AT, System.nanoTime());
        return true;
    }

    /**
     * The peer answered with a receipt status (200, 409, 413, 422): a receipt that verifies
     * settles the delivery (DELIVERED or REFUSED) together with its RECEIPT audit entry, in the
     * caller's transaction; one that does not is a failed attempt.
     */
    public void settle(Exchange exchange) throws IOException {
        Delivery d = exchange.getProperty(DELIVERY, Delivery.class);
        metrics.stage("deliver", System.nanoTime() - exchange.getProperty(SENT_AT, Long.class));
        String body = exchange.getMessage().getBody(String.class);
        BatchRow batch = batches.find(d.batchId()).orElseThrow();
        ReceiptVerifier.Checked receipt = receipts.check(body, d.peer(), batch);
        Instant now = Instant.now(clock);
        if (!receipt.valid()) {
            retryLater(d, "bad receipt: " + receipt.problem(), now);
            return;
        }
        if (receipt.accepted()) {
            outbox.markDelivered(d.batchId(), d.peer(), body, now);
        } else {
            outbox.markRefused(d.batchId(), d.peer(), receipt.problem(), body, now);
            log.warn("peer {} refused batch {}: {}", d.peer(), d.batchId(), receipt.problem());
        }
        ObjectNode entry = audit.entry(AuditEvent.RECEIPT);
        entry.put("batchId", d.batchId()).put("merkleRoot", batch.merkleRoot()).put("peer", d.peer())
                .put("status", receipt.status());
        entry.set("receipt", Json.mapper().readTree(body));
        audit.append(entry, java.util.List.of(d.batchId()));
    }

    /** The peer answered without a receipt (5xx, 503 while it starts, 403, …): a failed attempt. */
    public void unexpectedAnswer(Exchange exchange) {
        Delivery d = exchange.getProperty(DELIVERY, Delivery.class);
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        retryLater(d, "HTTP " + status + ": " + abbreviate(exchange.getMessage().getBody(String.class)),
                Instant.now(clock));
    }

    /** The attempt failed before any answer (connection refused, timeout, TLS): a failed attempt. */
    public void failed(Exchange exchange) {
        Delivery d = exchange.getProperty(DELIVERY, Delivery.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (d == null) {
            log.error("dispatcher of {} failed before taking a delivery: {}", exchange.getProperty(PEER),
                    describe(cause));
            return;
        }
        retryLater(d, describe(cause), Instant.now(clock));
    }

    private void retryLater(Delivery d, String error, Instant now) {
        Duration wait = props.delivery().waitAfter(d.attempts() + 1);
        outbox.markRetrying(d.batchId(), d.peer(), error, now.plus(wait), now);
        log.info("delivery of {} to {} (attempt {}) failed, next attempt in {}: {}", d.batchId(), d.peer(),
                d.attempts() + 1, wait, error);
    }

    /** At shutdown: this instance's leases are given back, so another instance takes over at once. */
    public void release(String peer) {
        links.release(peer, instance);
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown failure";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String what = switch (root.getClass().getSimpleName()) {
            case "HttpHostConnectException", "ConnectException" -> "cannot connect";
            case "SocketTimeoutException", "ConnectTimeoutException" -> "timed out";
            case "SSLHandshakeException" -> "TLS handshake failed";
            case "NoHttpResponseException" -> "no answer";
            default -> root.getClass().getSimpleName();
        };
        return root.getMessage() == null ? what : what + ": " + root.getMessage();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
