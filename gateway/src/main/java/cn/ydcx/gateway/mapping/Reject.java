package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A rejected input row (SPEC §2 Rejects): 1-based row position (header excluded; for XML the
 * RECORD element), the cleaned sourceKey when one could be read, and every reason found.
 */
public record Reject(long row, String sourceKey, List<String> reasons) {
    public Reject {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a reject needs at least one reason");
        }
    }

    /** {@code {"row":..,"sourceKey":..,"reasons":[..]}}, sourceKey omitted when absent. */
    public ObjectNode toJson() {
        return Json.mapper().valueToTree(this);
    }
}
