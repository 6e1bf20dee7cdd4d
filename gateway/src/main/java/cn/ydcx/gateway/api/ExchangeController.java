package cn.ydcx.gateway.api;

import cn.ydcx.gateway.exchange.DeliveryService;
import cn.ydcx.gateway.exchange.ReceiveOutcome;
import cn.ydcx.gateway.store.BatchStore;
import cn.ydcx.gateway.store.RefusedBatchStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Peer-to-peer batch delivery and the sender-side view of deliveries. */
@RestController
public class ExchangeController {

    private final ProducerTemplate camel;
    private final DeliveryService deliveries;
    private final BatchStore batches;
    private final RefusedBatchStore refused;

    public ExchangeController(ProducerTemplate camel, DeliveryService deliveries, BatchStore batches,
                              RefusedBatchStore refused) {
        this.camel = camel;
        this.deliveries = deliveries;
        this.batches = batches;
        this.refused = refused;
    }

    @PostMapping(value = "/api/v1/exchange/batches", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        Map<String, Object> headers = new HashMap<>();
        headers.put("peer", PeerIdentity.commonName(request));
        ReceiveOutcome outcome = camel.requestBodyAndHeaders("direct:receive-batch", body, headers,
                ReceiveOutcome.class);
        return ResponseEntity.status(outcome.httpStatus()).body(outcome.receipt());
    }

    /** Sender side: where an outbound batch stands with each peer. */
    @GetMapping("/api/v1/exchange/batches/{batchId}")
    public ResponseEntity<Object> batch(@PathVariable String batchId) {
        return batches.find(batchId, "OUT")
                .<ResponseEntity<Object>>map(b -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("batchId", b.batchId());
                    out.put("source", b.source());
                    out.put("dataset", b.dataset());
                    out.put("seq", b.seq());
                    out.put("count", b.recordCount());
                    out.put("merkleRoot", b.merkleRoot());
                    out.put("createdAt", b.createdAt().toString());
                    out.put("deliveries", deliveries.deliveries(batchId));
                    return ResponseEntity.ok(out);
                })
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no outbound batch " + batchId)));
    }

    /** The signed batch document exactly as it was sent, for re-verification by anyone. */
    @GetMapping(value = "/api/v1/exchange/batches/{batchId}/document", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> document(@PathVariable String batchId) {
        return batches.find(batchId, "OUT").or(() -> batches.find(batchId, "IN"))
                .map(b -> ResponseEntity.ok(b.batchJson()))
                .orElseGet(() -> ResponseEntity.status(404).body("{\"error\":\"no batch " + batchId + "\"}"));
    }

    /** Batches this node refused, with the reason, newest first. */
    @GetMapping("/api/v1/exchange/refused")
    public Map<String, Object> refused(@RequestParam(defaultValue = "50") int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", refused.count());
        out.put("refused", refused.list(Math.min(limit, 500)).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("receivedAt", r.receivedAt().toString());
            m.put("peer", r.peer());
            m.put("batchId", r.batchId());
            m.put("problem", r.problem());
            m.put("detail", r.detail());
            m.put("bodySha256", r.bodySha256());
            return m;
        }).toList());
        return out;
    }
}
