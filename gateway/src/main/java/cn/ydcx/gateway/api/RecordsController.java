package cn.ydcx.gateway.api;

import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.share.NativeAnswer;
import cn.ydcx.gateway.share.RecordQueryService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/records?uscc=…|idNumber=…} (SPEC §7). */
@RestController
public class RecordsController {

    private final RecordQueryService query;
    private final NativeAnswer nativeAnswer;

    public RecordsController(RecordQueryService query, NativeAnswer nativeAnswer) {
        this.query = query;
        this.nativeAnswer = nativeAnswer;
    }

    /**
     * {@code ?format=native&dataset=D} answers one dataset in the caller's own native format and
     * encoding (the caller's province from its certificate, or {@code node=XX}). Values the format
     * cannot carry are listed in the {@code X-Dropped-Fields} header; records it cannot express at
     * all make the answer 422 with the reasons, never a file silently missing records.
     */
    @GetMapping(value = "/api/v1/records", params = "format=native")
    public ResponseEntity<Object> nativeRecords(@RequestParam(required = false) String uscc,
                                                @RequestParam(required = false) String idNumber,
                                                @RequestParam String dataset,
                                                @RequestParam(required = false) String node,
                                                HttpServletRequest request) {
        String caller = PeerIdentity.commonName(request);
        NodeCode format = NativeAnswer.callerProvince(caller, node);
        NativeAnswer.Result r = nativeAnswer.answer(uscc, idNumber, Dataset.of(dataset), format, caller);
        if (!r.summary().complete()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("error", r.summary().failed()
                    + " record(s) cannot be written in " + format + "'s " + dataset + " format",
                    "problems", r.summary().problems().stream().map(Object::toString).toList()));
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, r.contentType())
                .header("X-Record-Count", String.valueOf(r.summary().written()));
        if (!r.dropped().isEmpty()) {
            ok.header("X-Dropped-Fields", r.dropped());
        }
        return ok.body(r.body());
    }

    @GetMapping("/api/v1/records")
    public ObjectNode records(@RequestParam(required = false) String uscc,
                              @RequestParam(required = false) String idNumber,
                              HttpServletRequest request) {
        return query.bySubject(uscc, idNumber, PeerIdentity.commonName(request));
    }

    /** The digest of the current view of one source's dataset, to compare nodes. */
    @GetMapping("/api/v1/records/digest")
    public Map<String, Object> digest(@RequestParam String source, @RequestParam String dataset) {
        return query.digest(source, dataset);
    }

    /** Counts of active records held here, by source and dataset. */
    @GetMapping("/api/v1/records/summary")
    public Map<String, Map<String, Long>> summary() {
        return query.summary();
    }
}
