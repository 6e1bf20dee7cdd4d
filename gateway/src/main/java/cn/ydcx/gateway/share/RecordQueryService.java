package cn.ydcx.gateway.share;

import cn.ydcx.gateway.audit.AuditEvent;
import cn.ydcx.gateway.audit.AuditLog;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.Json;
import cn.ydcx.gateway.store.ProgressStore;
import cn.ydcx.gateway.store.RecordVersionStore;
import cn.ydcx.gateway.store.SourceProgress;
import cn.ydcx.gateway.store.StoredVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Share by query: every current record about one subject, from every province, each with the
 * provenance that lets the caller trace it back to a signed batch (SPEC §7).
 */
@Service
public class RecordQueryService {

    private final RecordVersionStore versions;
    private final ProgressStore progress;
    private final AuditLog audit;

    public RecordQueryService(RecordVersionStore versions, ProgressStore progress, AuditLog audit) {
        this.versions = versions;
        this.progress = progress;
        this.audit = audit;
    }

    public ObjectNode bySubject(String uscc, String idNumber, String caller) {
        if ((uscc == null || uscc.isBlank()) && (idNumber == null || idNumber.isBlank())) {
            throw new IllegalArgumentException("give uscc or idNumber");
        }
        String u = normaliseId(uscc);
        String id = normaliseId(idNumber);
        Map<String, StoredVersion> found = new LinkedHashMap<>();
        if (u != null) {
            versions.currentBySubjectKey(u).forEach(v -> found.putIfAbsent(v.recordId(), v));
        }
        if (id != null) {
            versions.currentByIdNumber(id).forEach(v -> found.putIfAbsent(v.recordId(), v));
        }
        List<StoredVersion> active = found.values().stream().filter(v -> !v.isRetract()).toList();
        ObjectNode out = Json.mapper().createObjectNode();
        ObjectNode query = out.putObject("query");
        if (u != null) {
            query.put("uscc", u);
        }
        if (id != null) {
            query.put("idNumber", id);
        }
        out.put("count", active.size());
        ArrayNode arr = out.putArray("records");
        for (StoredVersion r : active) {
            ObjectNode item = arr.addObject();
            item.set("record", parse(r.jcs()));
            ObjectNode prov = item.putObject("provenance");
            prov.put("source", r.source()).put("batchId", r.batchId()).put("seq", r.seq())
                    .put("receivedAt", r.receivedAt().toString());
        }
        ObjectNode entry = audit.entry(AuditEvent.QUERY_ANSWERED);
        entry.set("query", query.deepCopy());
        entry.put("count", active.size());
        if (caller != null) {
            entry.put("caller", caller);
        }
        ArrayNode ids = entry.putArray("recordIds");
        active.forEach(r -> ids.add(r.recordId()));
        audit.append(entry, active.stream().map(StoredVersion::recordId).toList());
        return out;
    }

    /** Current UPSERT records held at this node, per source and dataset. */
    public Map<String, Map<String, Long>> summary() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (SourceProgress p : progress.all()) {
            if (p.activeRecords() > 0) {
                out.computeIfAbsent(p.source(), s -> new LinkedHashMap<>()).put(p.dataset(), p.activeRecords());
            }
        }
        return out;
    }

    /**
     * A digest of the current view of (source, dataset): SHA-256 over each current version's
     * recordId and the SHA-256 of its bytes, in recordId order. Two nodes holding exactly the
     * same versions have the same digest; what an operator (or a test) compares to see that the
     * nodes converged.
     */
    public Map<String, Object> digest(String source, String dataset) {
        String d = Dataset.of(dataset).code();
        MessageDigest all = sha256();
        MessageDigest one = sha256();
        long[] counts = new long[2];
        versions.forEachCurrent(source, d, v -> {
            all.update(v.recordId().getBytes(StandardCharsets.US_ASCII));
            all.update((byte) ' ');
            all.update(one.digest(v.jcs()));
            counts[0]++;
            if (!v.isRetract()) {
                counts[1]++;
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        out.put("dataset", d);
        out.put("records", counts[0]);
        out.put("active", counts[1]);
        out.put("lastSeq", progress.find(source, d).map(SourceProgress::lastSeq).orElse(0L));
        out.put("sha256", HexFormat.of().formatHex(all.digest()));
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normaliseId(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static JsonNode parse(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored record is not JSON", e);
        }
    }
}
