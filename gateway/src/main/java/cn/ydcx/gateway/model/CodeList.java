package cn.ydcx.gateway.model;

/** The canonical code lists of SPEC §2; {@link #key()} is their name in mappings/codes.yaml. */
public enum CodeList {
    SUBJECT_CATEGORY("subjectCategory", SubjectCategory.class),
    ID_TYPE("idType", IdType.class),
    PENALTY_TYPE("penaltyType", PenaltyType.class),
    LICENSE_CATEGORY("licenseCategory", LicenseCategory.class),
    LICENSE_STATUS("licenseStatus", LicenseStatus.class),
    LIST_TYPE("listType", ListType.class),
    DOMAIN("domain", Domain.class),
    DISHONESTY_STATUS("dishonestyStatus", DishonestyStatus.class),
    REMOVAL_REASON("removalReason", RemovalReason.class),
    RATING("rating", Rating.class),
    REPORT_PURPOSE("reportPurpose", ReportPurpose.class);

    private final String key;
    private final Class<? extends Enum<?>> type;

    CodeList(String key, Class<? extends Enum<?>> type) {
        this.key = key;
        this.type = type;
    }

    public String key() {
        return key;
    }

    public Class<? extends Enum<?>> type() {
        return type;
    }

    /** The canonical code of this list with the given name, or null. */
    public Enum<?> code(String name) {
        for (Enum<?> e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    public static CodeList byKey(String key) {
        for (CodeList c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        return null;
    }
}
