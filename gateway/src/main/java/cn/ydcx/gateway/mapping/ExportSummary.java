package cn.ydcx.gateway.mapping;

import java.util.List;
import java.util.Map;

/**
 * Outcome of one export.
 *
 * @param records  records read
 * @param written  records written
 * @param problems the first {@link Exporter#MAX_PROBLEMS} records that could not be written
 * @param failed   how many records could not be written (may exceed problems.size())
 * @param dropped  canonical path → number of records whose value for it was dropped because the
 *                 node's format has no column for it (in canonical field order)
 */
public record ExportSummary(long records, long written, List<ExportProblem> problems, long failed,
                            Map<String, Long> dropped) {
    public ExportSummary {
        problems = List.copyOf(problems);
        dropped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dropped));
    }

    /** Every record was written (values of fields the node cannot carry may have been dropped). */
    public boolean complete() {
        return failed == 0;
    }
}
