package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.OutboxStore;
import cn.ydcx.gateway.store.ProgressStore;
import cn.ydcx.gateway.store.SourceProgress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Where this node stands in the exchange (SPEC §11): per source and dataset the last seq applied
 * in order, when, the current records, and the seqs held back waiting for a gap; per peer the
 * deliveries not yet done and since when the oldest waits. A province that lags, or a peer that
 * is unreachable, shows here.
 */
@Service
public class ExchangeStatus {

    private final ProgressStore progress;
    private final BatchStore batches;
    private final OutboxStore outbox;
    private final NodeProperties props;
    private final Clock clock;

    public ExchangeStatus(ProgressStore progress, BatchStore batches, OutboxStore outbox, NodeProperties props,
                          Clock clock) {
        this.progress = progress;
        this.batches = batches;
        this.outbox = outbox;
        this.props = props;
        this.clock = clock;
    }

    public Map<String, Object> status() {
        Map<String, Map<String, Map<String, Object>>> sources = new LinkedHashMap<>();
        for (SourceProgress p : progress.all()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("lastSeq", p.lastSeq());
            d.put("lastAppliedAt", p.lastAppliedAt() == null ? null : p.lastAppliedAt().toString());
            d.put("inForce", p.activeRecords());
            d.put("heldBack", new ArrayList<Long>());
            sources.computeIfAbsent(p.source(), s -> new LinkedHashMap<>()).put(p.dataset(), d);
        }
        for (BatchRow held : batches.allHeld()) {
            Map<String, Object> d = sources.computeIfAbsent(held.source(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(held.dataset(), ds -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("lastSeq", 0L);
                        m.put("lastAppliedAt", null);
                        m.put("inForce", 0L);
                        m.put("heldBack", new ArrayList<Long>());
                        return m;
                    });
            @SuppressWarnings("unchecked")
            List<Long> heldBack = (List<Long>) d.get("heldBack");
            heldBack.add(held.seq());
        }
        Map<String, Object> peers = new LinkedHashMap<>();
        for (String peer : props.peers().keySet()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pendingDeliveries", 0L);
            p.put("oldestPendingSince", null);
            peers.put(peer, p);
        }
        for (OutboxStore.PeerBacklog b : outbox.backlog()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pendingDeliveries", b.pending());
            p.put("oldestPendingSince", b.oldestSince() == null ? null : b.oldestSince().toString());
            outbox.head(b.peer()).ifPresent(h -> {
                p.put("head", h.batchId());
                p.put("headState", h.state().name());
                p.put("attempts", h.attempts());
                if (h.retryingSince() != null) {
                    p.put("retryingSince", h.retryingSince().toString());
                }
                p.put("nextAttemptAt", h.nextAttemptAt().toString());
                if (h.lastError() != null) {
                    p.put("lastError", h.lastError());
                }
            });
            peers.put(b.peer(), p);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node", props.node().name());
        out.put("asOf", Instant.now(clock).toString());
        out.put("sources", sources);
        out.put("peers", peers);
        return out;
    }
}
