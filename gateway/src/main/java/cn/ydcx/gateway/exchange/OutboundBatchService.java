package cn.ydcx.gateway.exchange;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.batch.BatchSigner;
import cn.ydcx.gateway.batch.BatchWire;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.node.NodeProperties;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.BatchRow;
import cn.ydcx.gateway.store.OutboxStore;
import cn.ydcx.gateway.store.RecordStore;
import cn.ydcx.gateway.store.SequenceStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns canonical records of this node into a signed batch: allocates the next seq, signs,
 * stores the batch and the records (with their provenance), queues one delivery per peer and
 * logs it — all in one transaction, so a batch is either fully created or not at all.
 */
@Service
public class OutboundBatchService {

    private final NodeProperties props;
    private final BatchSigner signer;
    private final SequenceStore sequences;
    private final BatchStore batches;
    private final RecordStore records;
    private final OutboxStore outbox;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public OutboundBatchService(NodeProperties props, BatchSigner signer, SequenceStore sequences,
                                BatchStore batches, RecordStore records, OutboxStore outbox,
                                AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.props = props;
        this.signer = signer;
        this.sequences = sequences;
        this.batches = batches;
        this.records = records;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public BatchSummary createBatch(Dataset dataset, List<? extends JsonNode> batchRecords) {
        return tx.execute(status -> create(dataset, batchRecords));
    }

    private BatchSummary create(Dataset dataset, List<? extends JsonNode> batchRecords) {
        String source = props.node().name();
        long seq = sequences.next(source, dataset.code());
        String batchId = source + "-" + dataset.code() + "-" + seq + "-" + UUID.randomUUID();
        Instant createdAt = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode batch = signer.sign(batchId, props.node(), dataset, seq, createdAt, batchRecords);
        String json = write(batch);
        JsonNode header = batch.get("header");
        batches.insert(new BatchRow(batchId, "OUT", source, dataset.code(), seq, batchRecords.size(),
                header.get("merkleRoot").asText(), header.get("suite").asText(), createdAt, createdAt,
                Hashes.headerDigest(header), json, "CREATED"));
        for (JsonNode r : batchRecords) {
            records.apply(StoredRecords.from(r, batchId, seq, createdAt));
        }
        List<String> peers = new ArrayList<>(props.peers().keySet());
        outbox.enqueue(batchId, peers, createdAt);
        ObjectNode entry = audit.entry(AuditEvent.BATCH_SIGNED);
        entry.put("batchId", batchId).put("source", source).put("dataset", dataset.code())
                .put("seq", seq).put("count", batchRecords.size())
                .put("merkleRoot", header.get("merkleRoot").asText())
                .put("suite", header.get("suite").asText());
        entry.set("peers", Json.mapper().valueToTree(peers));
        audit.append(entry, batchRecords.stream().map(r -> r.path("recordId").asText()).toList());
        return new BatchSummary(batchId, dataset.code(), seq, batchRecords.size(),
                header.get("merkleRoot").asText(), peers);
    }

    /** Records in JCS form, so receivers hash them as received (BatchVerifier.verify(byte[])). */
    private static String write(JsonNode node) {
        return new String(BatchWire.toBytes(node), StandardCharsets.UTF_8);
    }
}
