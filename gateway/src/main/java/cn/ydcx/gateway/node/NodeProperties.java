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
 * @param mappings      mapping directory (default: ./mappings if present, else the jar's copy)
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
        Path mappings) {

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
     * @param retryInterval  first wait after a failed delivery; doubles each attempt
     * @param maxAttempts    attempts before a delivery is marked FAILED
     * @param timeout        connect and request timeout for one attempt
     */
    public record Delivery(
            @DefaultValue("2s") Duration retryInterval,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("30s") Duration timeout) {
    }
}
