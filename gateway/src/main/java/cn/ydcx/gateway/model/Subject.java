package cn.ydcx.gateway.model;

/** The subject of a record (SPEC §2 subject); absent values are null and omitted in JSON. */
public record Subject(String name, SubjectCategory category, String uscc, String legalRepresentative,
                      IdType idType, String idNumber) {
}
