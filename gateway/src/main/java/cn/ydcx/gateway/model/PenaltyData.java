package cn.ydcx.gateway.model;

import java.util.List;

/** data of a {@code penalty} record (行政处罚, SPEC §2). */
public record PenaltyData(String decisionNumber, String violationType, String violationFacts, String legalBasis,
                          List<PenaltyType> penaltyTypes, String content, String fineAmount,
                          String confiscatedAmount, String licenseAction, String decisionDate,
                          String validUntil, String publicUntil, Org authority, Org dataSource, String remark)
        implements RecordData {

    public PenaltyData {
        penaltyTypes = penaltyTypes == null || penaltyTypes.isEmpty() ? null : List.copyOf(penaltyTypes);
    }

    @Override
    public Dataset dataset() {
        return Dataset.PENALTY;
    }

    @Override
    public String sourceKey() {
        return decisionNumber;
    }
}
