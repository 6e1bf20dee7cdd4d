package cn.ydcx.gateway.exchange.receive;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.exchange.Hashes;
import cn.ydcx.gateway.exchange.ReceiptStatus;
import cn.ydcx.gateway.exchange.receive.ReceiptSigner.Problem;
import cn.ydcx.gateway.node.GatewayMetrics;
import cn.ydcx.gateway.store.RefusedBatch;
import cn.ydcx.gateway.store.RefusedBatchStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A refused batch is not lost: its body is kept verbatim in the refused-batch log with the
 * problem, the refusal is written to the audit log (one transaction, after whatever the refusing
 * step did was rolled back), and the sender gets a signed receipt naming the problem, with the
 * problem's HTTP status. Used by the {@code refusals} route configuration.
 */
@Component("refusals")
public class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final RefusedBatchStore refused;
    private final ReceiptSigner receipts;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GatewayMetrics metrics;

    public Refusals(RefusedBatchStore refused, ReceiptSigner receipts, AuditLog audit, TransactionTemplate tx,
                    Clock clock, GatewayMetrics metrics) {
        this.refused = refused;
        this.receipts = receipts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Handles the {@link BatchRefusedException} caught on the exchange: the answer becomes the refusal receipt. */
    public ReceiveOutcome record(Exchange exchange) {
        BatchRefusedException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, BatchRefusedException.class);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        JsonNode header = e.header();
        byte[] body = e.body() == null ? new byte[0] : e.body();
        String batchId = text(header, "batchId");
        String source = text(header, "source");
        tx.executeWithoutResult(status -> {
            refused.insert(RefusedBatch.of(now, e.peer(), batchId, source, text(header, "dataset"),
                    header != null && header.path("seq").canConvertToLong() ? header.path("seq").asLong() : null,
                    e.problem().name(), e.detail(), body));
            ObjectNode entry = audit.entry(AuditEvent.BATCH_REFUSED);
            if (batchId != null) {
                entry.put("batchId", batchId);
            }
            if (e.peer() != null) {
                entry.put("peer", e.peer());
            }
            entry.put("problem", e.problem().name()).put("detail", e.detail()).put("bodySha256", Hashes.sha256Hex(body));
            audit.append(entry);
        });
        log.warn("refused batch {} from {}: {} {}", batchId, e.peer(), e.problem(), e.detail());
        metrics.batchReceived(source, "REFUSED_" + e.problem().name());
        return new ReceiveOutcome(e.problem().httpStatus(), receipts.sign(header, now, ReceiptStatus.REFUSED,
                List.of(new Problem(e.problem().name(), e.detail()))));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
