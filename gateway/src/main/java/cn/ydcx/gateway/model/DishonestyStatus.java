package cn.ydcx.gateway.model;

/** Dishonesty data.status codes (SPEC §2 dishonesty). */
public enum DishonestyStatus {
    ACTIVE, REMOVED;
}
