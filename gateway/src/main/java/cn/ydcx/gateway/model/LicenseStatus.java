package cn.ydcx.gateway.model;

/** License data.status codes (SPEC §2 license). */
public enum LicenseStatus {
    VALID, INVALID;
}
