package cn.ydcx.gateway.model;

/** data.penaltyTypes codes (SPEC §2 penalty). */
public enum PenaltyType {
    WARNING, CRITICISM, FINE, CONFISCATION, LICENSE_ACTION, SUSPENSION, DETENTION, OTHER;
}
