package cn.ydcx.gateway.node;

import cn.ydcx.gateway.store.AuditStore;
import cn.ydcx.gateway.store.OutboxStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What an operator watches on {@code /actuator/metrics}: rows ingested and rejected, batches
 * received by outcome, deliveries by state, the audit log's size, and the rows read so far by an
 * ingest in progress (a big file shows its progress here as well as in the log).
 */
@Component
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final AtomicLong ingestInProgress = new AtomicLong();

    public GatewayMetrics(MeterRegistry registry, OutboxStore outbox, AuditStore audit) {
        this.registry = registry;
        for (String state : new String[] {"PENDING", "DELIVERED", "REFUSED", "FAILED"}) {
            Gauge.builder("gateway.deliveries", outbox, o -> o.countByState().getOrDefault(state, 0L))
                    .tag("state", state).description("outbound deliveries by state").register(registry);
        }
        Gauge.builder("gateway.audit.size", audit, AuditStore::size).description("entries in the audit log")
                .register(registry);
        Gauge.builder("gateway.ingest.rows.in.progress", ingestInProgress, AtomicLong::get)
                .description("rows read so far by the ingest in progress (0 when idle)").register(registry);
    }

    public void ingested(String dataset, long accepted, long rejected) {
        registry.counter("gateway.ingest.rows", "dataset", dataset, "outcome", "accepted").increment(accepted);
        registry.counter("gateway.ingest.rows", "dataset", dataset, "outcome", "rejected").increment(rejected);
    }

    public void ingestProgress(long rowsSoFar) {
        ingestInProgress.set(rowsSoFar);
    }

    public void batchReceived(String source, String outcome) {
        registry.counter("gateway.batches.received", "source", source == null ? "unknown" : source,
                "outcome", outcome).increment();
    }
}
