package cn.ydcx.gateway.exchange.receive;

import cn.ydcx.gateway.crypto.Certs;
import cn.ydcx.gateway.exchange.ReceiptStatus;
import cn.ydcx.gateway.crypto.NodeCredentials;
import cn.ydcx.gateway.crypto.SignedJson;
import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Receipts are the receiver's signed statement of what it got (non-repudiation of receipt):
 * {@code {"receipt": {batchId, source, dataset, seq, merkleRoot, receiver, receivedAt, status,
 * suite, heldBack?, problems?}, "signature": {value, certificates}}}, signed over JCS(receipt)
 * like a batch header. {@code heldBack: true} says an accepted batch waits for lower seqs
 * before it is applied (the receiver fetches them from the source).
 */
@Component
public class ReceiptSigner {

    private final NodeCredentials credentials;
    private final String receiver;

    public ReceiptSigner(NodeCredentials credentials) {
        this.credentials = credentials;
        // the certificate's CN, not the key file name: a rotated key ("ZJ.next") still signs as ZJ
        this.receiver = Certs.commonName(credentials.certificate());
    }

    public ObjectNode sign(JsonNode batchHeader, Instant receivedAt, ReceiptStatus status,
                           List<Problem> problems) {
        return sign(batchHeader, receivedAt, status, problems, false);
    }

    public ObjectNode sign(JsonNode batchHeader, Instant receivedAt, ReceiptStatus status, List<Problem> problems,
                           boolean heldBack) {
        ObjectNode receipt = Json.mapper().createObjectNode();
        JsonNode h = batchHeader == null ? Json.mapper().createObjectNode() : batchHeader;
        copyText(h, receipt, "batchId");
        copyText(h, receipt, "source");
        copyText(h, receipt, "dataset");
        if (h.path("seq").canConvertToLong()) {
            receipt.put("seq", h.path("seq").asLong());
        }
        copyText(h, receipt, "merkleRoot");
        receipt.put("receiver", receiver);
        receipt.put("receivedAt", receivedAt.toString());
        receipt.put("status", status.name());
        receipt.put("suite", credentials.suite().wireName());
        if (heldBack) {
            receipt.put("heldBack", true);
        }
        if (!problems.isEmpty()) {
            ArrayNode arr = receipt.putArray("problems");
            for (Problem p : problems) {
                arr.addObject().put("code", p.code()).put("detail", p.detail());
            }
        }
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.set("receipt", receipt);
        doc.set("signature", SignedJson.sign(receipt, credentials));
        return doc;
    }

    private static void copyText(JsonNode from, ObjectNode to, String field) {
        JsonNode v = from.get(field);
        if (v != null && v.isTextual() && !v.asText().isEmpty()) {
            to.put(field, v.asText());
        }
    }

    public record Problem(String code, String detail) {
    }
}
