package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.CanonicalField;
import cn.ydcx.gateway.model.CanonicalFields;
import cn.ydcx.gateway.model.CanonicalRecord;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.NodeCode;
import cn.ydcx.gateway.model.Op;
import cn.ydcx.gateway.model.RecordIds;
import cn.ydcx.gateway.validation.RecordAssembler;
import cn.ydcx.gateway.validation.RecordRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the rows of one input into records or rejects. Holds only per-input state (the keys seen
 * for DUPLICATE_KEY); each row is cleaned, checked and assembled without keeping it.
 *
 * <p>Reasons are reported in canonical field order, at most one per field, then DUPLICATE_KEY.
 * Every row with a readable sourceKey registers it, rejected or not, so a later row repeating the
 * key of an earlier rejected row is still a DUPLICATE_KEY (SPEC: "a later row repeating a sourceKey").
 */
final class RowNormalizer {
    static final String MALFORMED_ROW = "MALFORMED_ROW";
    static final String DUPLICATE_KEY = "DUPLICATE_KEY";

    private final NodeCode node;
    private final Dataset dataset;
    private final List<FieldBinding> bindings;
    private final List<CanonicalField> fields;
    private final KeySet keys = new KeySet();

    RowNormalizer(Mapping mapping) {
        this.node = mapping.node();
        this.dataset = mapping.dataset();
        this.bindings = mapping.bindings();
        this.fields = CanonicalFields.of(dataset);
    }

    /** Processes the current row of the reader; returns true when it became a record. */
    boolean process(RowReader row, NormalizeSink sink) {
        if (row.malformed()) {
            sink.reject(new Reject(row.row(), null, List.of(MALFORMED_ROW)));
            return false;
        }
        Object[] values = new Object[fields.size()];
        String[] reasons = new String[fields.size()];
        for (FieldBinding b : bindings) {
            values[b.field().index()] = b.read(row, reasons);
        }
        for (CanonicalField f : fields) {
            if (f.required() && values[f.index()] == null && reasons[f.index()] == null) {
                reasons[f.index()] = "MISSING_REQUIRED:" + f.path();
            }
        }
        RecordRules.apply(dataset, values, reasons);

        String sourceKey = sourceKey(values);
        byte[] digest = sourceKey == null ? null : RecordIds.digest16(node, dataset, sourceKey);
        boolean duplicate = digest != null && !keys.add(digest);
        List<String> found = collect(reasons, duplicate);
        if (!found.isEmpty()) {
            sink.reject(new Reject(row.row(), sourceKey, found));
            return false;
        }
        sink.record(new CanonicalRecord(RecordIds.hex(digest), dataset, node, sourceKey, Op.UPSERT,
                RecordAssembler.subject(values), RecordAssembler.data(dataset, values)));
        return true;
    }

    private String sourceKey(Object[] v) {
        return switch (dataset) {
            case PENALTY -> (String) v[CanonicalFields.Penalty.DECISION_NUMBER];
            case DISHONESTY -> (String) v[CanonicalFields.Dishonesty.DECISION_NUMBER];
            case REPORT -> (String) v[CanonicalFields.Report.REPORT_NUMBER];
            case LICENSE -> v[CanonicalFields.License.DECISION_NUMBER] != null
                    ? (String) v[CanonicalFields.License.DECISION_NUMBER]
                    : (String) v[CanonicalFields.License.LICENSE_NUMBER];
        };
    }

    private static List<String> collect(String[] reasons, boolean duplicate) {
        List<String> out = null;
        for (String r : reasons) {
            if (r != null) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(r);
            }
        }
        if (duplicate) {
            if (out == null) {
                out = new ArrayList<>(1);
            }
            out.add(DUPLICATE_KEY);
        }
        return out == null ? List.of() : out;
    }
}
