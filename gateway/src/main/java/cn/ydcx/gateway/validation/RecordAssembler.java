package cn.ydcx.gateway.validation;

import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_CATEGORY;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_ID_NUMBER;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_ID_TYPE;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_LEGAL_REPRESENTATIVE;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_NAME;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_USCC;

import cn.ydcx.gateway.model.CanonicalFields.Dishonesty;
import cn.ydcx.gateway.model.CanonicalFields.License;
import cn.ydcx.gateway.model.CanonicalFields.Penalty;
import cn.ydcx.gateway.model.CanonicalFields.Report;
import cn.ydcx.gateway.model.Dataset;
import cn.ydcx.gateway.model.DishonestyData;
import cn.ydcx.gateway.model.DishonestyStatus;
import cn.ydcx.gateway.model.Domain;
import cn.ydcx.gateway.model.IdType;
import cn.ydcx.gateway.model.LicenseCategory;
import cn.ydcx.gateway.model.LicenseData;
import cn.ydcx.gateway.model.LicenseStatus;
import cn.ydcx.gateway.model.ListType;
import cn.ydcx.gateway.model.Org;
import cn.ydcx.gateway.model.PenaltyData;
import cn.ydcx.gateway.model.PenaltyType;
import cn.ydcx.gateway.model.Rating;
import cn.ydcx.gateway.model.RecordData;
import cn.ydcx.gateway.model.RemovalReason;
import cn.ydcx.gateway.model.ReportData;
import cn.ydcx.gateway.model.ReportPurpose;
import cn.ydcx.gateway.model.Subject;
import cn.ydcx.gateway.model.SubjectCategory;
import java.util.List;

/** Builds the typed subject and data of a row that passed validation (values by field index). */
public final class RecordAssembler {
    private RecordAssembler() {
    }

    public static Subject subject(Object[] v) {
        return new Subject(s(v, SUBJECT_NAME), (SubjectCategory) v[SUBJECT_CATEGORY], s(v, SUBJECT_USCC),
                s(v, SUBJECT_LEGAL_REPRESENTATIVE), (IdType) v[SUBJECT_ID_TYPE], s(v, SUBJECT_ID_NUMBER));
    }

    public static RecordData data(Dataset dataset, Object[] v) {
        return switch (dataset) {
            case PENALTY -> penalty(v);
            case LICENSE -> license(v);
            case DISHONESTY -> dishonesty(v);
            case REPORT -> report(v);
        };
    }

    @SuppressWarnings("unchecked")
    private static PenaltyData penalty(Object[] v) {
        return new PenaltyData(s(v, Penalty.DECISION_NUMBER), s(v, Penalty.VIOLATION_TYPE),
                s(v, Penalty.VIOLATION_FACTS), s(v, Penalty.LEGAL_BASIS), (List<PenaltyType>) v[Penalty.PENALTY_TYPES],
                s(v, Penalty.CONTENT), s(v, Penalty.FINE_AMOUNT), s(v, Penalty.CONFISCATED_AMOUNT),
                s(v, Penalty.LICENSE_ACTION), s(v, Penalty.DECISION_DATE), s(v, Penalty.VALID_UNTIL),
                s(v, Penalty.PUBLIC_UNTIL), Org.ofNullable(s(v, Penalty.AUTHORITY_NAME), s(v, Penalty.AUTHORITY_USCC)),
                Org.ofNullable(s(v, Penalty.DATA_SOURCE_NAME), s(v, Penalty.DATA_SOURCE_USCC)), s(v, Penalty.REMARK));
    }

    private static LicenseData license(Object[] v) {
        return new LicenseData(s(v, License.DECISION_NUMBER), s(v, License.DOCUMENT_NAME),
                (LicenseCategory) v[License.CATEGORY], s(v, License.LICENSE_NAME), s(v, License.LICENSE_NUMBER),
                s(v, License.CONTENT), s(v, License.DECISION_DATE), s(v, License.VALID_FROM), s(v, License.VALID_TO),
                Org.ofNullable(s(v, License.AUTHORITY_NAME), s(v, License.AUTHORITY_USCC)),
                Org.ofNullable(s(v, License.DATA_SOURCE_NAME), s(v, License.DATA_SOURCE_USCC)),
                (LicenseStatus) v[License.STATUS], s(v, License.REMARK));
    }

    private static DishonestyData dishonesty(Object[] v) {
        return new DishonestyData((ListType) v[Dishonesty.LIST_TYPE], (Domain) v[Dishonesty.DOMAIN],
                s(v, Dishonesty.DECISION_NUMBER), s(v, Dishonesty.REASON), s(v, Dishonesty.BASIS),
                Org.ofNullable(s(v, Dishonesty.AUTHORITY_NAME), s(v, Dishonesty.AUTHORITY_USCC)),
                s(v, Dishonesty.LISTED_ON), s(v, Dishonesty.EXPIRES_ON), (DishonestyStatus) v[Dishonesty.STATUS],
                s(v, Dishonesty.REMOVED_ON), (RemovalReason) v[Dishonesty.REMOVAL_REASON]);
    }

    private static ReportData report(Object[] v) {
        return new ReportData(s(v, Report.REPORT_NUMBER),
                Org.ofNullable(s(v, Report.AGENCY_NAME), s(v, Report.AGENCY_USCC)), (Rating) v[Report.RATING],
                s(v, Report.RATING_DATE), s(v, Report.VALID_UNTIL), (ReportPurpose) v[Report.PURPOSE],
                s(v, Report.SUMMARY), s(v, Report.DOCUMENT_SHA256));
    }

    private static String s(Object[] v, int i) {
        return (String) v[i];
    }
}
