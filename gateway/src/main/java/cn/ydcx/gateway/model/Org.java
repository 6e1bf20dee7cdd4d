package cn.ydcx.gateway.model;

/** An organisation reference (authority, dataSource, agency): normalised name and USCC. */
public record Org(String name, String uscc) {
    /** Null when both parts are absent, so that the JSON omits the object entirely. */
    public static Org ofNullable(String name, String uscc) {
        return name == null && uscc == null ? null : new Org(name, uscc);
    }
}
