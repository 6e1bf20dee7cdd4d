package cn.ydcx.gateway.model;

/** Report data.purpose codes (SPEC §2 report). */
public enum ReportPurpose {
    BIDDING, FINANCING, AWARD, OTHER;
}
