package cn.ydcx.gateway.node;

import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.NodeCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of one node ({@code gateway.*}).
 *
 * @param node          this node's code
 * @param suite         suite used to sign batches, receipts and checkpoints
 * @param dataDir       where the node keeps its state (H2 database, uploads)
 * @param certs         PKI location: a directory or {@code classpath:certs-sample}
 * @param peers         base URL of every other node, by node code
 * @param batchSize     records per outbound batch; a bigger ingest is split
 * @param maxBatchRecords  largest batch this node accepts from a peer
 * @param maxBatchBytes    largest batch body this node accepts from a peer
 * @param delivery      retry policy for pushing batches to peers
 * @param catchUp       how a receiver fills seq gaps from the sources
 * @param mappings      mapping directory (default: ./mappings if present, else the jar's copy)
 * @param database      what the node does when its database stops answering
 */
@ConfigurationProperties("gateway")
public record NodeProperties(
        NodeCode node,
        @DefaultValue("SM2-SM3") String suite,
        Path dataDir,
        String certs,
        Map<String, String> peers,
        @DefaultValue("10000") int batchSize,
        @DefaultValue("100000") int maxBatchRecords,
        @DefaultValue("268435456") long maxBatchBytes,
        @DefaultValue Delivery delivery,
        @DefaultValue CatchUp catchUp,
        Path mappings,
        @DefaultValue Database database) {

    public NodeProperties {
        if (node == null) {
            throw new IllegalStateException("gateway.node is not set (one of "
                    + java.util.Arrays.toString(NodeCode.values()) + ")");
        }
        peers = peers == null ? Map.of() : Map.copyOf(peers);
        if (batchSize < 1) {
            throw new IllegalStateException("gateway.batch-size must be at least 1, was " + batchSize);
        }
    }

    public Suite signingSuite() {
        return Suite.of(suite);
    }

    /**
     * Deliveries are never given up: a failed one is tried again after a wait that doubles from
     * {@code retryInterval} up to {@code maxInterval}, for as long as it takes.
     *
     * @param retryInterval  wait after the first failed attempt
     * @param maxInterval    the longest wait between two attempts
     * @param timeout        connect and answer timeout of one attempt
     * @param pollMs         how often each peer's dispatcher looks for due deliveries
     */
    public record Delivery(
            @DefaultValue("2s") Duration retryInterval,
            @DefaultValue("5m") Duration maxInterval,
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("500") long pollMs) {

        /** The wait after the {@code failures}-th failed attempt in a row (1 = the first). */
        public Duration waitAfter(int failures) {
            int doublings = Math.min(Math.max(failures - 1, 0), 30);
            Duration wait = retryInterval.multipliedBy(1L << Math.min(doublings, 20));
            return wait.compareTo(maxInterval) > 0 ? maxInterval : wait;
        }
    }

    /**
     * @param pollMs         how often the receiver looks for gaps and quiet sources
     * @param grace          how long a held batch waits for the missing ones to be pushed before they are fetched
     * @param probeInterval  how often a source that sent nothing is asked whether it has batches this node lacks
     *                       (a node restored from a backup catches up so)
     * @param limit          batches fetched per request
     */
    public record CatchUp(
            @DefaultValue("2000") long pollMs,
            @DefaultValue("5s") Duration grace,
            @DefaultValue("60s") Duration probeInterval,
            @DefaultValue("8") int limit) {
    }

    /**
     * @param checkMs         how often the node checks that its database answers
     * @param failuresToStop  failed checks in a row after which the node stops
     * @param exitOnFailure   whether stopping ends the process (a supervisor restarts it) or only closes
     *                        this node (several nodes in one JVM: demo and tests)
     */
    public record Database(
            @DefaultValue("5000") long checkMs,
            @DefaultValue("3") int failuresToStop,
            @DefaultValue("true") boolean exitOnFailure) {
    }
}
