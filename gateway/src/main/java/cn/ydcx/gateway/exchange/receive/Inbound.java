package cn.ydcx.gateway.exchange.receive;

import cn.ydcx.gateway.batch.VerifiedBatch;
import cn.ydcx.gateway.store.NewVersion;
import cn.ydcx.gateway.store.SourceProgress;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A delivered batch that verified, on its way through the {@code apply-batch} route: what the
 * header says, the records as versions to store, and (once locked) how far its (source,
 * dataset) is applied here.
 *
 * @param body        the request body as received (kept whole if the batch is refused later)
 * @param refusal     set by the checks made under the (source, dataset) lock
 * @param deliveredBy the CN that delivered it: a peer pushing, or the source during catch-up
 */
public record Inbound(byte[] body, VerifiedBatch verified, String deliveredBy, String batchId, String source, String dataset,
                      long seq, String headerSha256, List<NewVersion> versions, Instant receivedAt,
                      SourceProgress progress, BatchRefusedException refusal) {

    public JsonNode header() {
        return verified.header();
    }

    /** The header's digest: the key of Camel's idempotent consumer. */
    public String digest() {
        return headerSha256;
    }

    Inbound locked(SourceProgress p, BatchRefusedException why) {
        return new Inbound(body, verified, deliveredBy, batchId, source, dataset, seq, headerSha256, versions,
                receivedAt, p, why);
    }

    /** Whether the checks under the lock refused it (the refusal is answered after the transaction). */
    public boolean refused() {
        return refusal != null;
    }
}
