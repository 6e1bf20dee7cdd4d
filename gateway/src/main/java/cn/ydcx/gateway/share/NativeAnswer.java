package cn.ydcx.gateway.share;

import cn.ydcx.gateway.mapping.ExportSummary;
import cn.ydcx.gateway.mapping.Exporter;
import cn.ydcx.gateway.mapping.Mapping;
import cn.ydcx.gateway.mapping.MappingRegistry;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A query answered in the caller's own native format, so an office can load other provinces'
 * records into its own systems: the canonical answer, one dataset of it, written by the same
 * mapping files that read that office's files (issue 3).
 */
@Service
public class NativeAnswer {

    private final RecordQueryService query;
    private final Exporter exporter;
    private final MappingRegistry mappings;

    public NativeAnswer(RecordQueryService query, Exporter exporter, MappingRegistry mappings) {
        this.query = query;
        this.exporter = exporter;
        this.mappings = mappings;
    }

    /** The caller's province: from {@code office-XX} or a node certificate {@code XX}. */
    public static NodeCode callerProvince(String cn, String requested) {
        if (requested != null && !requested.isBlank()) {
            NodeCode n = NodeCode.of(requested);
            if (!n.isProvince()) {
                throw new IllegalArgumentException("REGION has no native format, only canonical JSON");
            }
            return n;
        }
        String code = cn == null ? "" : cn.startsWith("office-") ? cn.substring("office-".length()) : cn;
        for (NodeCode n : NodeCode.provinces()) {
            if (n.name().equals(code)) {
                return n;
            }
        }
        throw new IllegalArgumentException("caller " + cn + " has no native format of its own: add node=SH|JS|ZJ|AH");
    }

    public Result answer(String uscc, String idNumber, Dataset dataset, NodeCode format, String caller) {
        JsonNode canonical = query.bySubject(uscc, idNumber, caller);
        List<CanonicalRecord> records = new ArrayList<>();
        for (JsonNode item : canonical.path("records")) {
            if (dataset.code().equals(item.path("record").path("dataset").asText())) {
                records.add(CanonicalRecord.fromJson(item.path("record")));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportSummary summary = exporter.export(format, dataset, records.iterator(), out);
        Mapping m = mappings.get(format, dataset);
        return new Result(out.toByteArray(), contentType(m), summary,
                summary.dropped().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",")));
    }

    private static String contentType(Mapping m) {
        String cs = "; charset=" + m.charset().name();
        return switch (m.format()) {
            case CSV -> "text/csv" + cs;
            case DELIMITED -> "text/plain" + cs;
            case JSONL -> "application/x-ndjson" + cs;
            case XML -> "application/xml" + cs;
        };
    }

    /** The native bytes, their media type, and what could not be carried. */
    public record Result(byte[] body, String contentType, ExportSummary summary, String dropped) {
    }
}
