package cn.ydcx.gateway.validation;

import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_CATEGORY;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_ID_NUMBER;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_ID_TYPE;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_USCC;

import cn.ydcx.gateway.model.CanonicalFields;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.DishonestyStatus;
import cn.ydcx.gateway.model.IdType;
import cn.ydcx.gateway.model.PenaltyType;
import cn.ydcx.gateway.model.SubjectCategory;
import java.util.List;

/**
 * The conditional rules of SPEC §2 that involve more than one field. Works on the cleaned,
 * typed values of one row (index = canonical field index) and writes at most one reason per
 * field; a field that already has a reason is left alone.
 *
 * <p>Decision (SPEC says uscc is "absent for NATURAL_PERSON" but names no reason): a natural
 * person row that carries a USCC is rejected with {@code INVALID_USCC:subject.uscc} rather than
 * having the value silently dropped — a natural person has no USCC, so the office must correct
 * either the category or the code.
 */
public final class RecordRules {
    private RecordRules() {
    }

    public static void apply(Dataset dataset, Object[] v, String[] reasons) {
        subject(v, reasons);
        switch (dataset) {
            case PENALTY -> penalty(v, reasons);
            case LICENSE -> license(v, reasons);
            case DISHONESTY -> dishonesty(v, reasons);
            case REPORT -> { }
        }
    }

    private static void subject(Object[] v, String[] reasons) {
        Object category = v[SUBJECT_CATEGORY];
        if (category == SubjectCategory.LEGAL_ENTITY) {
            missingIfAbsent(v, reasons, SUBJECT_USCC, "subject.uscc");
        } else if (category == SubjectCategory.NATURAL_PERSON) {
            if (v[SUBJECT_USCC] != null && reasons[SUBJECT_USCC] == null) {
                reasons[SUBJECT_USCC] = "INVALID_USCC:subject.uscc";
            }
            missingIfAbsent(v, reasons, SUBJECT_ID_TYPE, "subject.idType");
            missingIfAbsent(v, reasons, SUBJECT_ID_NUMBER, "subject.idNumber");
        }
        if (v[SUBJECT_ID_TYPE] == IdType.ID_CARD && v[SUBJECT_ID_NUMBER] != null
                && reasons[SUBJECT_ID_NUMBER] == null && !ResidentId.isValid((String) v[SUBJECT_ID_NUMBER])) {
            reasons[SUBJECT_ID_NUMBER] = "INVALID_ID_NUMBER:subject.idNumber";
        }
    }

    private static void penalty(Object[] v, String[] reasons) {
        // Also when some other label of the field was unknown: FINE was still recognised.
        if (v[CanonicalFields.Penalty.PENALTY_TYPES] instanceof List<?> types && types.contains(PenaltyType.FINE)) {
            missingIfAbsent(v, reasons, CanonicalFields.Penalty.FINE_AMOUNT, "data.fineAmount");
        }
    }

    private static void license(Object[] v, String[] reasons) {
        int dn = CanonicalFields.License.DECISION_NUMBER;
        int ln = CanonicalFields.License.LICENSE_NUMBER;
        if (v[dn] == null && v[ln] == null && reasons[dn] == null && reasons[ln] == null) {
            reasons[dn] = "MISSING_REQUIRED:data.decisionNumber";
        }
    }

    private static void dishonesty(Object[] v, String[] reasons) {
        if (v[CanonicalFields.Dishonesty.STATUS] == DishonestyStatus.REMOVED) {
            missingIfAbsent(v, reasons, CanonicalFields.Dishonesty.REMOVED_ON, "data.removedOn");
        }
    }

    private static void missingIfAbsent(Object[] v, String[] reasons, int field, String path) {
        if (v[field] == null && reasons[field] == null) {
            reasons[field] = "MISSING_REQUIRED:" + path;
        }
    }
}
