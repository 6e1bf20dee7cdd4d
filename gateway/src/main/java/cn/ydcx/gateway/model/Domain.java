package cn.ydcx.gateway.model;

/** Dishonesty data.domain codes (SPEC §2 dishonesty). */
public enum Domain {
    ENVIRONMENT, TOURISM, FOOD_DRUG, PRODUCT_QUALITY, TAX, COURT, SAFETY, PROCUREMENT, OTHER;
}
