package cn.ydcx.gateway.model;

/** Dishonesty data.removalReason codes (SPEC §2 dishonesty). */
public enum RemovalReason {
    REPAIRED, EXPIRED, CORRECTED, OTHER;
}
