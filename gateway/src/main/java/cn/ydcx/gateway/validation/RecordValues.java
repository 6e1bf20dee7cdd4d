package cn.ydcx.gateway.validation;

import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_CATEGORY;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_ID_NUMBER;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_ID_TYPE;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_LEGAL_REPRESENTATIVE;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_NAME;
import static cn.ydcx.gateway.model.CanonicalFields.SUBJECT_USCC;

import cn.ydcx.gateway.model.CanonicalFields;
import cn.ydcx.gateway.model.CanonicalFields.Dishonesty;
import cn.ydcx.gateway.model.CanonicalFields.License;
import cn.ydcx.gateway.model.CanonicalFields.Penalty;
import cn.ydcx.gateway.model.CanonicalFields.Report;
import cn.ydcx.gateway.model.DishonestyData;
import cn.ydcx.gateway.model.LicenseData;
import cn.ydcx.gateway.model.Org;
import cn.ydcx.gateway.model.PenaltyData;
import cn.ydcx.gateway.model.RecordData;
import cn.ydcx.gateway.model.ReportData;
import cn.ydcx.gateway.model.Subject;

/** The inverse of {@link RecordAssembler}: a record's values by canonical field index (for export). */
public final class RecordValues {
    private RecordValues() {
    }

    public static Object[] of(Subject s, RecordData data) {
        Object[] v = new Object[CanonicalFields.of(data.dataset()).size()];
        v[SUBJECT_NAME] = s.name();
        v[SUBJECT_CATEGORY] = s.category();
        v[SUBJECT_USCC] = s.uscc();
        v[SUBJECT_LEGAL_REPRESENTATIVE] = s.legalRepresentative();
        v[SUBJECT_ID_TYPE] = s.idType();
        v[SUBJECT_ID_NUMBER] = s.idNumber();
        if (data instanceof PenaltyData d) {
            penalty(d, v);
        } else if (data instanceof LicenseData d) {
            license(d, v);
        } else if (data instanceof DishonestyData d) {
            dishonesty(d, v);
        } else if (data instanceof ReportData d) {
            report(d, v);
        }
        return v;
    }

    private static void penalty(PenaltyData d, Object[] v) {
        v[Penalty.DECISION_NUMBER] = d.decisionNumber();
        v[Penalty.VIOLATION_TYPE] = d.violationType();
        v[Penalty.VIOLATION_FACTS] = d.violationFacts();
        v[Penalty.LEGAL_BASIS] = d.legalBasis();
        v[Penalty.PENALTY_TYPES] = d.penaltyTypes();
        v[Penalty.CONTENT] = d.content();
        v[Penalty.FINE_AMOUNT] = d.fineAmount();
        v[Penalty.CONFISCATED_AMOUNT] = d.confiscatedAmount();
        v[Penalty.LICENSE_ACTION] = d.licenseAction();
        v[Penalty.DECISION_DATE] = d.decisionDate();
        v[Penalty.VALID_UNTIL] = d.validUntil();
        v[Penalty.PUBLIC_UNTIL] = d.publicUntil();
        org(d.authority(), v, Penalty.AUTHORITY_NAME, Penalty.AUTHORITY_USCC);
        org(d.dataSource(), v, Penalty.DATA_SOURCE_NAME, Penalty.DATA_SOURCE_USCC);
        v[Penalty.REMARK] = d.remark();
    }

    private static void license(LicenseData d, Object[] v) {
        v[License.DECISION_NUMBER] = d.decisionNumber();
        v[License.DOCUMENT_NAME] = d.documentName();
        v[License.CATEGORY] = d.category();
        v[License.LICENSE_NAME] = d.licenseName();
        v[License.LICENSE_NUMBER] = d.licenseNumber();
        v[License.CONTENT] = d.content();
        v[License.DECISION_DATE] = d.decisionDate();
        v[License.VALID_FROM] = d.validFrom();
        v[License.VALID_TO] = d.validTo();
        org(d.authority(), v, License.AUTHORITY_NAME, License.AUTHORITY_USCC);
        org(d.dataSource(), v, License.DATA_SOURCE_NAME, License.DATA_SOURCE_USCC);
        v[License.STATUS] = d.status();
        v[License.REMARK] = d.remark();
    }

    private static void dishonesty(DishonestyData d, Object[] v) {
        v[Dishonesty.LIST_TYPE] = d.listType();
        v[Dishonesty.DOMAIN] = d.domain();
        v[Dishonesty.DECISION_NUMBER] = d.decisionNumber();
        v[Dishonesty.REASON] = d.reason();
        v[Dishonesty.BASIS] = d.basis();
        org(d.authority(), v, Dishonesty.AUTHORITY_NAME, Dishonesty.AUTHORITY_USCC);
        v[Dishonesty.LISTED_ON] = d.listedOn();
        v[Dishonesty.EXPIRES_ON] = d.expiresOn();
        v[Dishonesty.STATUS] = d.status();
        v[Dishonesty.REMOVED_ON] = d.removedOn();
        v[Dishonesty.REMOVAL_REASON] = d.removalReason();
    }

    private static void report(ReportData d, Object[] v) {
        v[Report.REPORT_NUMBER] = d.reportNumber();
        org(d.agency(), v, Report.AGENCY_NAME, Report.AGENCY_USCC);
        v[Report.RATING] = d.rating();
        v[Report.RATING_DATE] = d.ratingDate();
        v[Report.VALID_UNTIL] = d.validUntil();
        v[Report.PURPOSE] = d.purpose();
        v[Report.SUMMARY] = d.summary();
        v[Report.DOCUMENT_SHA256] = d.documentSha256();
    }

    private static void org(Org o, Object[] v, int name, int uscc) {
        if (o != null) {
            v[name] = o.name();
            v[uscc] = o.uscc();
        }
    }
}
