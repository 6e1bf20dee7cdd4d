package cn.ydcx.gateway.share;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.store.RecordStore;
import cn.ydcx.gateway.store.StoredRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Share by query: every active record about one subject, from every province, each with the
 * provenance that lets the caller trace it back to a signed batch (SPEC §7).
 */
@Service
public class RecordQueryService {

    private final RecordStore records;
    private final AuditLog audit;

    public RecordQueryService(RecordStore records, AuditLog audit) {
        this.records = records;
        this.audit = audit;
    }

    public ObjectNode bySubject(String uscc, String idNumber, String caller) {
        if ((uscc == null || uscc.isBlank()) && (idNumber == null || idNumber.isBlank())) {
            throw new IllegalArgumentException("give uscc or idNumber");
        }
        String u = normaliseId(uscc);
        String id = normaliseId(idNumber);
        List<StoredRecord> found = records.findActiveBySubject(u, id);
        ObjectNode out = Json.mapper().createObjectNode();
        ObjectNode query = out.putObject("query");
        if (u != null) {
            query.put("uscc", u);
        }
        if (id != null) {
            query.put("idNumber", id);
        }
        out.put("count", found.size());
        ArrayNode arr = out.putArray("records");
        for (StoredRecord r : found) {
            ObjectNode item = arr.addObject();
            item.set("record", parse(r.recordJson()));
            ObjectNode prov = item.putObject("provenance");
            prov.put("source", r.source()).put("batchId", r.batchId()).put("seq", r.seq())
                    .put("receivedAt", r.receivedAt().toString());
        }
        ObjectNode entry = audit.entry(AuditEvent.QUERY_ANSWERED);
        entry.set("query", query.deepCopy());
        entry.put("count", found.size());
        if (caller != null) {
            entry.put("caller", caller);
        }
        ArrayNode ids = entry.putArray("recordIds");
        found.forEach(r -> ids.add(r.recordId()));
        audit.append(entry, found.stream().map(StoredRecord::recordId).toList());
        return out;
    }

    /** Active records held at this node, per source and dataset. */
    public Map<String, Map<String, Long>> summary() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (NodeCode n : NodeCode.provinces()) {
            Map<String, Long> perDataset = new LinkedHashMap<>();
            for (Dataset d : Dataset.values()) {
                long c = records.countActive(n.name(), d.code());
                if (c > 0) {
                    perDataset.put(d.code(), c);
                }
            }
            if (!perDataset.isEmpty()) {
                out.put(n.name(), perDataset);
            }
        }
        return out;
    }

    private static String normaliseId(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored record is not JSON", e);
        }
    }
}
