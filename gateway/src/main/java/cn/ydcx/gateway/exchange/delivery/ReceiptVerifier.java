package cn.ydcx.gateway.exchange.delivery;

import cn.ydcx.gateway.crypto.SignedJson;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.crypto.TrustedRoots;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.store.BatchRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Sender-side check of a receipt: signed by the peer it was sent to (CN = peer code, chained to
 * the regional root) and about exactly the batch that was sent (same batchId and Merkle root).
 */
@Component
public class ReceiptVerifier {

    private final TrustedRoots roots;

    public ReceiptVerifier(TrustedRoots roots) {
        this.roots = roots;
    }

    public Checked check(String body, String peer, BatchRow sent) {
        JsonNode doc;
        try {
            doc = Json.mapper().readTree(body);
        } catch (Exception e) {
            return Checked.bad("receipt is not JSON");
        }
        JsonNode receipt = doc == null ? null : doc.get("receipt");
        JsonNode signature = doc == null ? null : doc.get("signature");
        if (receipt == null || !receipt.isObject() || signature == null || !signature.isObject()) {
            return Checked.bad("receipt lacks 'receipt' or 'signature'");
        }
        Suite suite;
        try {
            suite = Suite.of(receipt.path("suite").asText());
        } catch (IllegalArgumentException e) {
            return Checked.bad(e.getMessage());
        }
        Instant at;
        try {
            at = Instant.parse(receipt.path("receivedAt").asText());
        } catch (RuntimeException e) {
            return Checked.bad("receipt receivedAt is not an ISO-8601 instant");
        }
        String problem = SignedJson.verify(receipt, signature, suite, roots, at, peer);
        if (problem != null) {
            return Checked.bad(problem);
        }
        if (!sent.batchId().equals(receipt.path("batchId").asText())) {
            return Checked.bad("receipt is for batch " + receipt.path("batchId").asText()
                    + ", not " + sent.batchId());
        }
        String status = receipt.path("status").asText();
        boolean accepted = "ACCEPTED".equals(status) || "DUPLICATE".equals(status);
        if (accepted && !sent.merkleRoot().equals(receipt.path("merkleRoot").asText())) {
            return Checked.bad("receipt names Merkle root " + receipt.path("merkleRoot").asText()
                    + ", the batch has " + sent.merkleRoot());
        }
        String refusal = receipt.path("problems").path(0).path("code").asText("")
                + " " + receipt.path("problems").path(0).path("detail").asText("");
        return new Checked(true, status, accepted, accepted ? null : refusal.trim());
    }

    /** Outcome: {@code valid} says the receipt itself can be trusted. */
    public record Checked(boolean valid, String status, boolean accepted, String problem) {
        static Checked bad(String problem) {
            return new Checked(false, null, false, problem);
        }
    }
}
