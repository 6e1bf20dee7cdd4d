package cn.ydcx.gateway.exchange.receive;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.ProgressStore;
import cn.ydcx.gateway.store.SourceProgress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the {@code catch-up} route fetches from the sources (SPEC §7–§8): the seqs missing
 * before a held batch, once it has waited {@code gateway.catch-up.grace} for them to be pushed;
 * and, for a source quiet for {@code gateway.catch-up.probe-interval}, whatever it has after
 * the last seq applied here, so a node restored from an old backup, or one that missed
 * deliveries for any reason, catches up by itself. The fetched batches go through the same
 * receive route as pushed ones.
 *
 * <p>The time of the last probe per (source, dataset) is kept in memory only to space the
 * probes; a restarted node or a second instance merely probes once more.
 */
@Component("catchUp")
public class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    private final BatchStore batches;
    private final ProgressStore progress;
    private final NodeProperties props;
    private final Clock clock;
    private final Map<String, Instant> lastProbe = new ConcurrentHashMap<>();

    public CatchUp(BatchStore batches, ProgressStore progress, NodeProperties props, Clock clock) {
        this.batches = batches;
        this.progress = progress;
        this.props = props;
        this.clock = clock;
    }

    /** One request for a source's own batches. */
    public record Request(String source, String dataset, long fromSeq, int limit, String url, boolean gap) {
    }

    /** The requests due now, gaps first. */
    public List<Request> due() {
        Instant now = Instant.now(clock);
        NodeProperties.CatchUp cfg = props.catchUp();
        List<Request> gaps = new ArrayList<>();
        List<Request> probes = new ArrayList<>();
        for (Map.Entry<String, String> peer : props.peers().entrySet()) {
            String source = peer.getKey();
            if (!isProvince(source)) {
                continue; // only provinces sign batches
            }
            for (Dataset d : Dataset.values()) {
                SourceProgress p = progress.find(source, d.code())
                        .orElse(new SourceProgress(source, d.code(), 0, null, 0));
                List<BatchRow> held = batches.held(source, d.code());
                long from = p.lastSeq() + 1;
                if (!held.isEmpty()) {
                    BatchRow first = held.get(0);
                    if (first.seq() > from && first.receivedAt().plus(cfg.grace()).isBefore(now)) {
                        int missing = (int) Math.min(cfg.limit(), first.seq() - from);
                        gaps.add(new Request(source, d.code(), from, missing, url(peer.getValue(), source, d, from,
                                missing), true));
                    }
                    continue;
                }
                boolean quiet = p.lastAppliedAt() == null || p.lastAppliedAt().plus(cfg.probeInterval()).isBefore(now);
                Instant probed = lastProbe.getOrDefault(key(source, d.code()), Instant.EPOCH);
                if (quiet && probed.plus(cfg.probeInterval()).isBefore(now)) {
                    probes.add(new Request(source, d.code(), from, cfg.limit(), url(peer.getValue(), source, d, from,
                            cfg.limit()), false));
                }
            }
        }
        gaps.addAll(probes);
        return gaps;
    }

    /** After a request: a full page means more may follow, so the next round asks again at once. */
    public void fetched(Exchange exchange) {
        Request r = exchange.getProperty("catchUp", Request.class);
        Integer batchesFetched = exchange.getProperty("CamelSplitSize", Integer.class);
        int n = batchesFetched == null ? 0 : batchesFetched;
        lastProbe.put(key(r.source(), r.dataset()), n >= r.limit() ? Instant.EPOCH : Instant.now(clock));
        if (n > 0) {
            log.info("catch-up: {} batch(es) of {}/{} from seq {} fetched from {}", n, r.source(), r.dataset(),
                    r.fromSeq(), r.source());
        }
    }

    /** The source could not be asked; the next round tries again. */
    public void unreachable(Exchange exchange) {
        Request r = exchange.getProperty("catchUp", Request.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (r != null) {
            lastProbe.put(key(r.source(), r.dataset()), Instant.now(clock));
            log.info("catch-up of {}/{} from seq {}: {} cannot be asked now: {}", r.source(), r.dataset(),
                    r.fromSeq(), r.source(), cause == null ? "?" : cause.getMessage());
        }
    }

    private static String url(String base, String source, Dataset d, long from, int limit) {
        return base.replaceAll("/+$", "") + "/api/v1/exchange/batches?source=" + source + "&dataset=" + d.code()
                + "&fromSeq=" + from + "&limit=" + limit;
    }

    private static String key(String source, String dataset) {
        return source + "/" + dataset;
    }

    private static boolean isProvince(String code) {
        try {
            return NodeCode.of(code).isProvince();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
