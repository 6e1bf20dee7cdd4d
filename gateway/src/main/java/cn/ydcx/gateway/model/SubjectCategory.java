package cn.ydcx.gateway.model;

/** subject.category codes (SPEC §2). */
public enum SubjectCategory {
    LEGAL_ENTITY, NATURAL_PERSON, INDIVIDUAL_BUSINESS;
}
