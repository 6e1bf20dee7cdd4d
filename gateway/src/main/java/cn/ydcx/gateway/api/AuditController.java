package cn.ydcx.gateway.api;

import cn.ydcx.gateway.audit.AuditProofs;
import cn.ydcx.gateway.audit.CheckpointService;
import cn.ydcx.gateway.audit.RecordTrace;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.store.AuditStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for auditors and peers (SPEC §5 and §7). */
@RestController
public class AuditController {

    private final CheckpointService checkpoints;
    private final AuditProofs proofs;
    private final AuditStore audit;
    private final RecordTrace trace;

    public AuditController(CheckpointService checkpoints, AuditProofs proofs, AuditStore audit, RecordTrace trace) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.audit = audit;
        this.trace = trace;
    }

    /** {@code {"checkpoint": {...}, "signature": {...}}}; {@code ?size=n} for an earlier one. */
    @GetMapping("/api/v1/audit/checkpoint")
    public ResponseEntity<Object> checkpoint(@RequestParam(required = false) Long size) {
        if (size == null) {
            return ResponseEntity.ok(checkpoints.latest());
        }
        JsonNode cp = checkpoints.atSize(size);
        return cp == null
                ? ResponseEntity.status(404).body(Map.of("error", "no checkpoint of size " + size))
                : ResponseEntity.ok(cp);
    }

    /** Every checkpoint this node has signed, oldest first. */
    @GetMapping("/api/v1/audit/checkpoints")
    public Object allCheckpoints() {
        return checkpoints.all();
    }

    /** Entries {@code from} (inclusive) to {@code to} (exclusive), at most 1000, in log order. */
    @GetMapping("/api/v1/audit/entries")
    public Object entries(@RequestParam long from, @RequestParam long to) throws Exception {
        long size = audit.size();
        if (from < 0 || to < from || to > size || to - from > 1000) {
            throw new IllegalArgumentException("need 0 <= from <= to <= " + size + " and at most 1000 entries, got from="
                    + from + " to=" + to);
        }
        var arr = Json.mapper().createArrayNode();
        for (String e : audit.entries(from, to)) {
            arr.add(Json.mapper().readTree(e));
        }
        return arr;
    }

    /** The entry object whose JCS bytes are leaf {@code index}. */
    @GetMapping("/api/v1/audit/entries/{index}")
    public ResponseEntity<Object> entry(@PathVariable long index) throws Exception {
        var e = audit.entry(index);
        if (e.isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("error", "no audit entry " + index + " (log size "
                    + audit.size() + ")"));
        }
        return ResponseEntity.ok(Json.mapper().readTree(e.get()));
    }

    @GetMapping("/api/v1/audit/proof/inclusion")
    public Object inclusion(@RequestParam long index, @RequestParam long treeSize) {
        return proofs.inclusion(index, treeSize);
    }

    @GetMapping("/api/v1/audit/proof/consistency")
    public Object consistency(@RequestParam long first, @RequestParam long second) {
        return proofs.consistency(first, second);
    }

    @GetMapping("/api/v1/audit/trace/{recordId}")
    public Object trace(@PathVariable String recordId) {
        return trace.trace(recordId);
    }
}
