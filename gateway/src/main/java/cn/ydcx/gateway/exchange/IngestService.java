package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.mapping.NormalizeSink;
import cn.ydcx.gateway.mapping.NormalizeSummary;
import cn.ydcx.gateway.mapping.Normalizer;
import cn.ydcx.gateway.mapping.Reject;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.GatewayMetrics;
import cn.ydcx.gateway.node.NodeProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Ingest of a native file from this node's own office systems: normalise, then sign batches.
 *
 * <p>Two passes on purpose: the whole file is normalised to a spool file first, and only a file
 * that was read to the end becomes batches. A file that turns out unreadable half-way therefore
 * produces nothing at all instead of a partial exchange.
 */
@Component("ingestService")
public class IngestService {

    private static final ObjectMapper JSON = Json.mapper();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IngestService.class);

    private final Normalizer normalizer;
    private final OutboundBatchService outbound;
    private final AuditLog audit;
    private final NodeProperties props;
    private final GatewayMetrics metrics;

    public IngestService(Normalizer normalizer, OutboundBatchService outbound, AuditLog audit,
                         NodeProperties props, GatewayMetrics metrics) {
        this.normalizer = normalizer;
        this.outbound = outbound;
        this.audit = audit;
        this.props = props;
        this.metrics = metrics;
    }

    public IngestResult ingest(String datasetCode, Path file) throws IOException {
        Dataset dataset = Dataset.of(datasetCode);
        Path spool = Files.createTempFile(file.getParent(), "ingest-", ".jsonl");
        try {
            List<Reject> rejects = new ArrayList<>();
            String sha256;
            NormalizeSummary summary;
            try (InputStream in = digesting(file);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
                summary = normalizer.normalize(props.node(), dataset, in, new NormalizeSink() {
                    @Override
                    public void record(CanonicalRecord r) {
                        try {
                            out.write(r.canonicalBytes()); // JCS written from the typed record: one line of JSON
                            out.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void reject(Reject r) {
                        rejects.add(r);
                    }

                    @Override
                    public void progress(long rowsSoFar) {
                        metrics.ingestProgress(rowsSoFar);
                        log.info("ingest {}: {} rows read", dataset.code(), rowsSoFar);
                    }
                });
                sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            metrics.ingestProgress(0);
            metrics.ingested(dataset.code(), summary.accepted(), summary.rejected());
            logIngest(dataset, sha256, summary, rejects);
            List<BatchSummary> batches = signBatches(dataset, spool);
            return new IngestResult(summary.accepted(), summary.rejected(), rejects, batches);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private List<BatchSummary> signBatches(Dataset dataset, Path spool) throws IOException {
        List<BatchSummary> batches = new ArrayList<>();
        List<JsonNode> chunk = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                chunk.add(JSON.readTree(line));
                if (chunk.size() == props.batchSize()) {
                    batches.add(outbound.createBatch(dataset, chunk));
                    chunk = new ArrayList<>();
                }
            }
        }
        if (!chunk.isEmpty()) {
            batches.add(outbound.createBatch(dataset, chunk));
        }
        return batches;
    }

    private void logIngest(Dataset dataset, String sha256, NormalizeSummary summary, List<Reject> rejects) {
        ObjectNode entry = audit.entry(AuditEvent.INGESTED);
        entry.put("dataset", dataset.code()).put("fileSha256", sha256).put("rows", summary.rows())
                .put("accepted", summary.accepted()).put("rejected", summary.rejected());
        audit.append(entry);
        if (!rejects.isEmpty()) {
            ObjectNode rej = audit.entry(AuditEvent.REJECTED);
            rej.put("dataset", dataset.code()).put("fileSha256", sha256);
            rej.set("rejects", JSON.valueToTree(rejects));
            audit.append(rej);
        }
    }

    private static InputStream digesting(Path file) throws IOException {
        try {
            return new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
