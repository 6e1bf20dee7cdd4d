package cn.ydcx.gateway.model;

/** License data.category codes (SPEC §2 license). */
public enum LicenseCategory {
    GENERAL, FRANCHISE, RECOGNITION, APPROVAL, REGISTRATION, OTHER;
}
