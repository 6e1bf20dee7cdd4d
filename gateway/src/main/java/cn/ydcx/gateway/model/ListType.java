package cn.ydcx.gateway.model;

/** Dishonesty data.listType codes (SPEC §2 dishonesty). */
public enum ListType {
    SERIOUS_DISHONESTY, RED;
}
