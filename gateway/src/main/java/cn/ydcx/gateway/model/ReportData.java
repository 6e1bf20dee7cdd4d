package cn.ydcx.gateway.model;

/** data of a {@code report} record (third-party credit report, SPEC §2). */
public record ReportData(String reportNumber, Org agency, Rating rating, String ratingDate, String validUntil,
                         ReportPurpose purpose, String summary, String documentSha256) implements RecordData {

    @Override
    public Dataset dataset() {
        return Dataset.REPORT;
    }

    @Override
    public String sourceKey() {
        return reportNumber;
    }
}
