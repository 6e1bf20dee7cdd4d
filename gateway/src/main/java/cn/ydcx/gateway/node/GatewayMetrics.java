package cn.ydcx.gateway.node;

import cn.ydcx.gateway.store.AuditStore;
import cn.ydcx.gateway.store.DeliveryState;
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
        for (DeliveryState state : DeliveryState.values()) {
            Gauge.builder("gateway.deliveries", outbox, o -> o.countByState().getOrDefault(state, 0L))
                    .tag("state", state.name()).description("outbound deliveries by state").register(registry);
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

    /**
     * Time spent in one stage of the exchange path ({@code gateway.stage}, tag {@code stage}):
     * normalise, sign, store-out (ZJ side), deliver (one POST round trip), verify, store-in,
     * apply. What {@code bench region} reads to say where the time goes.
     */
    public <T, E extends Exception> T timed(String stage, Stage<T, E> work) throws E {
        long t0 = System.nanoTime();
        try {
            return work.run();
        } finally {
            registry.timer("gateway.stage", "stage", stage).record(System.nanoTime() - t0,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Records {@code nanos} spent in a stage measured elsewhere (e.g. a round trip through a route). */
    public void stage(String stage, long nanos) {
        registry.timer("gateway.stage", "stage", stage).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** A piece of work timed by {@link #timed}. */
    @FunctionalInterface
    public interface Stage<T, E extends Exception> {
        T run() throws E;
    }

    public void batchReceived(String source, String outcome) {
        registry.counter("gateway.batches.received", "source", source == null ? "unknown" : source,
                "outcome", outcome).increment();
    }
}
