package cn.ydcx.gateway.api;

import cn.ydcx.gateway.share.RecordQueryService;
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

    public RecordsController(RecordQueryService query) {
        this.query = query;
    }

    @GetMapping("/api/v1/records")
    public ObjectNode records(@RequestParam(required = false) String uscc,
                              @RequestParam(required = false) String idNumber,
                              HttpServletRequest request) {
        return query.bySubject(uscc, idNumber, PeerIdentity.commonName(request));
    }

    /** Counts of active records held here, by source and dataset. */
    @GetMapping("/api/v1/records/summary")
    public Map<String, Map<String, Long>> summary() {
        return query.summary();
    }
}
