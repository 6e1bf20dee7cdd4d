package cn.ydcx.gateway.model;

import java.util.Arrays;
import java.util.List;

/** The five nodes of the exchange (SPEC §1). The order is the default port order. */
public enum NodeCode {
    REGION(8440, null),
    SH(8441, "310000"),
    JS(8442, "320000"),
    ZJ(8443, "330000"),
    AH(8444, "340000");

    private final int defaultPort;
    private final String regionCode;

    NodeCode(int defaultPort, String regionCode) {
        this.defaultPort = defaultPort;
        this.regionCode = regionCode;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Administrative division code of the province; null for the regional platform. */
    public String regionCode() {
        return regionCode;
    }

    public boolean isProvince() {
        return this != REGION;
    }

    public static List<NodeCode> provinces() {
        return Arrays.stream(values()).filter(NodeCode::isProvince).toList();
    }

    /** Parses a node code, failing with a message that lists the valid codes. */
    public static NodeCode of(String code) {
        for (NodeCode n : values()) {
            if (n.name().equals(code)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown node '" + code + "' (expected one of "
                + Arrays.toString(values()) + ")");
    }
}
