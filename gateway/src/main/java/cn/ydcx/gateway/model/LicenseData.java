package cn.ydcx.gateway.model;

/** data of a {@code license} record (行政许可, SPEC §2). validTo 长期 is {@code 9999-12-31}. */
public record LicenseData(String decisionNumber, String documentName, LicenseCategory category,
                          String licenseName, String licenseNumber, String content, String decisionDate,
                          String validFrom, String validTo, Org authority, Org dataSource,
                          LicenseStatus status, String remark) implements RecordData {

    /** validTo value that stands for 长期 (no end date). */
    public static final String PERMANENT = "9999-12-31";

    @Override
    public Dataset dataset() {
        return Dataset.LICENSE;
    }

    @Override
    public String sourceKey() {
        return decisionNumber != null ? decisionNumber : licenseNumber;
    }
}
