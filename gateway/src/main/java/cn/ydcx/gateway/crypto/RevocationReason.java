package cn.ydcx.gateway.crypto;

import java.util.Arrays;

/**
 * RFC 5280 CRL reason codes used by the regional PKI. A routine retirement (rotation,
 * node decommissioned) only invalidates what is signed after the revocation date; anything
 * else (key compromise, unspecified) invalidates every signature, whatever the claimed time,
 * because a stolen key can sign with any {@code createdAt}.
 */
public enum RevocationReason {
    unspecified(0, false),
    keyCompromise(1, false),
    cACompromise(2, false),
    affiliationChanged(3, true),
    superseded(4, true),
    cessationOfOperation(5, true);

    private final int code;
    private final boolean routine;

    RevocationReason(int code, boolean routine) {
        this.code = code;
        this.routine = routine;
    }

    public int code() {
        return code;
    }

    /** True when signatures made before the revocation date stay valid. */
    public boolean routine() {
        return routine;
    }

    /** The reason of a CRL reason code; codes this PKI does not issue count as unspecified. */
    public static RevocationReason ofCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst().orElse(unspecified);
    }
}
