package cn.ydcx.gateway.model;

/** data of a {@code dishonesty} record (严重失信主体名单 / 守信红名单, SPEC §2). */
public record DishonestyData(ListType listType, Domain domain, String decisionNumber, String reason,
                             String basis, Org authority, String listedOn, String expiresOn,
                             DishonestyStatus status, String removedOn, RemovalReason removalReason)
        implements RecordData {

    @Override
    public Dataset dataset() {
        return Dataset.DISHONESTY;
    }

    @Override
    public String sourceKey() {
        return decisionNumber;
    }
}
