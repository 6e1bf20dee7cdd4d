package cn.ydcx.gateway.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical field catalogue of SPEC §2 per dataset: path, kind, code list and whether it is
 * required. Subject fields have the same indices in every dataset; data fields follow.
 */
public final class CanonicalFields {
    private static final Map<Dataset, List<CanonicalField>> BY_DATASET = new EnumMap<>(Dataset.class);

    public static final int SUBJECT_NAME = 0;
    public static final int SUBJECT_CATEGORY = 1;
    public static final int SUBJECT_USCC = 2;
    public static final int SUBJECT_LEGAL_REPRESENTATIVE = 3;
    public static final int SUBJECT_ID_TYPE = 4;
    public static final int SUBJECT_ID_NUMBER = 5;

    /** Field indices of a penalty record. */
    public static final class Penalty {
        public static final int DECISION_NUMBER = 6;
        public static final int VIOLATION_TYPE = 7;
        public static final int VIOLATION_FACTS = 8;
        public static final int LEGAL_BASIS = 9;
        public static final int PENALTY_TYPES = 10;
        public static final int CONTENT = 11;
        public static final int FINE_AMOUNT = 12;
        public static final int CONFISCATED_AMOUNT = 13;
        public static final int LICENSE_ACTION = 14;
        public static final int DECISION_DATE = 15;
        public static final int VALID_UNTIL = 16;
        public static final int PUBLIC_UNTIL = 17;
        public static final int AUTHORITY_NAME = 18;
        public static final int AUTHORITY_USCC = 19;
        public static final int DATA_SOURCE_NAME = 20;
        public static final int DATA_SOURCE_USCC = 21;
        public static final int REMARK = 22;

        private Penalty() {
        }
    }

    /** Field indices of a license record. */
    public static final class License {
        public static final int DECISION_NUMBER = 6;
        public static final int DOCUMENT_NAME = 7;
        public static final int CATEGORY = 8;
        public static final int LICENSE_NAME = 9;
        public static final int LICENSE_NUMBER = 10;
        public static final int CONTENT = 11;
        public static final int DECISION_DATE = 12;
        public static final int VALID_FROM = 13;
        public static final int VALID_TO = 14;
        public static final int AUTHORITY_NAME = 15;
        public static final int AUTHORITY_USCC = 16;
        public static final int DATA_SOURCE_NAME = 17;
        public static final int DATA_SOURCE_USCC = 18;
        public static final int STATUS = 19;
        public static final int REMARK = 20;

        private License() {
        }
    }

    /** Field indices of a dishonesty record. */
    public static final class Dishonesty {
        public static final int LIST_TYPE = 6;
        public static final int DOMAIN = 7;
        public static final int DECISION_NUMBER = 8;
        public static final int REASON = 9;
        public static final int BASIS = 10;
        public static final int AUTHORITY_NAME = 11;
        public static final int AUTHORITY_USCC = 12;
        public static final int LISTED_ON = 13;
        public static final int EXPIRES_ON = 14;
        public static final int STATUS = 15;
        public static final int REMOVED_ON = 16;
        public static final int REMOVAL_REASON = 17;

        private Dishonesty() {
        }
    }

    /** Field indices of a report record. */
    public static final class Report {
        public static final int REPORT_NUMBER = 6;
        public static final int AGENCY_NAME = 7;
        public static final int AGENCY_USCC = 8;
        public static final int RATING = 9;
        public static final int RATING_DATE = 10;
        public static final int VALID_UNTIL = 11;
        public static final int PURPOSE = 12;
        public static final int SUMMARY = 13;
        public static final int DOCUMENT_SHA256 = 14;

        private Report() {
        }
    }

    static {
        BY_DATASET.put(Dataset.PENALTY, new Builder(true)
                .add("data.decisionNumber", FieldKind.IDENTIFIER, null, true, true)
                .add("data.violationType", FieldKind.TEXT, null, false, false)
                .add("data.violationFacts", FieldKind.TEXT, null, true, true)
                .add("data.legalBasis", FieldKind.TEXT, null, true, true)
                .add("data.penaltyTypes", FieldKind.CODE_ARRAY, CodeList.PENALTY_TYPE, true, true)
                .add("data.content", FieldKind.TEXT, null, true, true)
                .add("data.fineAmount", FieldKind.AMOUNT, null, false, true)
                .add("data.confiscatedAmount", FieldKind.AMOUNT, null, false, false)
                .add("data.licenseAction", FieldKind.TEXT, null, false, false)
                .add("data.decisionDate", FieldKind.DATE, null, true, true)
                .add("data.validUntil", FieldKind.DATE, null, false, false)
                .add("data.publicUntil", FieldKind.DATE, null, false, false)
                .add("data.authority.name", FieldKind.NAME, null, true, true)
                .add("data.authority.uscc", FieldKind.USCC, null, true, true)
                .add("data.dataSource.name", FieldKind.NAME, null, true, true)
                .add("data.dataSource.uscc", FieldKind.USCC, null, true, true)
                .add("data.remark", FieldKind.TEXT, null, false, false)
                .build(Penalty.REMARK));
        BY_DATASET.put(Dataset.LICENSE, new Builder(true)
                .add("data.decisionNumber", FieldKind.IDENTIFIER, null, false, true)
                .add("data.documentName", FieldKind.TEXT, null, true, true)
                .add("data.category", FieldKind.CODE, CodeList.LICENSE_CATEGORY, true, true)
                .add("data.licenseName", FieldKind.TEXT, null, false, false)
                .add("data.licenseNumber", FieldKind.IDENTIFIER, null, false, true)
                .add("data.content", FieldKind.TEXT, null, true, true)
                .add("data.decisionDate", FieldKind.DATE, null, true, true)
                .add("data.validFrom", FieldKind.DATE, null, true, true)
                .add("data.validTo", FieldKind.VALID_TO, null, true, true)
                .add("data.authority.name", FieldKind.NAME, null, true, true)
                .add("data.authority.uscc", FieldKind.USCC, null, true, true)
                .add("data.dataSource.name", FieldKind.NAME, null, true, true)
                .add("data.dataSource.uscc", FieldKind.USCC, null, true, true)
                .add("data.status", FieldKind.CODE, CodeList.LICENSE_STATUS, false, false)
                .add("data.remark", FieldKind.TEXT, null, false, false)
                .build(License.REMARK));
        BY_DATASET.put(Dataset.DISHONESTY, new Builder(true)
                .add("data.listType", FieldKind.CODE, CodeList.LIST_TYPE, true, true)
                .add("data.domain", FieldKind.CODE, CodeList.DOMAIN, true, true)
                .add("data.decisionNumber", FieldKind.IDENTIFIER, null, true, true)
                .add("data.reason", FieldKind.TEXT, null, true, true)
                .add("data.basis", FieldKind.TEXT, null, true, true)
                .add("data.authority.name", FieldKind.NAME, null, true, true)
                .add("data.authority.uscc", FieldKind.USCC, null, true, true)
                .add("data.listedOn", FieldKind.DATE, null, true, true)
                .add("data.expiresOn", FieldKind.DATE, null, false, false)
                .add("data.status", FieldKind.CODE, CodeList.DISHONESTY_STATUS, true, true)
                .add("data.removedOn", FieldKind.DATE, null, false, true)
                .add("data.removalReason", FieldKind.CODE, CodeList.REMOVAL_REASON, false, false)
                .build(Dishonesty.REMOVAL_REASON));
        // SPEC §3 gives report files no idType/idNumber columns, so a mapping need not map them.
        BY_DATASET.put(Dataset.REPORT, new Builder(false)
                .add("data.reportNumber", FieldKind.IDENTIFIER, null, true, true)
                .add("data.agency.name", FieldKind.NAME, null, true, true)
                .add("data.agency.uscc", FieldKind.USCC, null, true, true)
                .add("data.rating", FieldKind.CODE, CodeList.RATING, true, true)
                .add("data.ratingDate", FieldKind.DATE, null, true, true)
                .add("data.validUntil", FieldKind.DATE, null, true, true)
                .add("data.purpose", FieldKind.CODE, CodeList.REPORT_PURPOSE, false, false)
                .add("data.summary", FieldKind.TEXT, null, false, false)
                .add("data.documentSha256", FieldKind.SHA256, null, false, false)
                .build(Report.DOCUMENT_SHA256));
    }

    private CanonicalFields() {
    }

    /** The fields of a dataset in canonical order; list index == field index. */
    public static List<CanonicalField> of(Dataset dataset) {
        return BY_DATASET.get(dataset);
    }

    /** The field with the given canonical path, or null. */
    public static CanonicalField find(Dataset dataset, String path) {
        for (CanonicalField f : of(dataset)) {
            if (f.path().equals(path)) {
                return f;
            }
        }
        return null;
    }

    private static final class Builder {
        private final List<CanonicalField> fields = new ArrayList<>();

        Builder(boolean personIdsMustMap) {
            add("subject.name", FieldKind.NAME, null, true, true);
            add("subject.category", FieldKind.CODE, CodeList.SUBJECT_CATEGORY, true, true);
            add("subject.uscc", FieldKind.USCC, null, false, true);
            add("subject.legalRepresentative", FieldKind.TEXT, null, false, false);
            add("subject.idType", FieldKind.CODE, CodeList.ID_TYPE, false, personIdsMustMap);
            add("subject.idNumber", FieldKind.ID_NUMBER, null, false, personIdsMustMap);
        }

        Builder add(String path, FieldKind kind, CodeList codes, boolean required, boolean mustMap) {
            fields.add(new CanonicalField(fields.size(), path, kind, codes, required, mustMap));
            return this;
        }

        // The index constants above must agree with the order of add(); checked once at class init.
        List<CanonicalField> build(int lastIndexConstant) {
            if (lastIndexConstant != fields.size() - 1) {
                throw new IllegalStateException("field index constants out of step with the catalogue");
            }
            return List.copyOf(fields);
        }
    }
}
