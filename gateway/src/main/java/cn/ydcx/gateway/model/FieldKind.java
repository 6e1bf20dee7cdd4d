package cn.ydcx.gateway.model;

/** How a canonical field is cleaned and checked (SPEC §2); fixed by the model, not by mappings. */
public enum FieldKind {
    /** free text: rule 1 only */
    TEXT,
    /** subject/authority/dataSource/agency name: rules 1 and 3 */
    NAME,
    /** decisionNumber, licenseNumber, reportNumber: rules 1 and 2 */
    IDENTIFIER,
    /** any *.uscc: rules 1 and 2, upper-cased, must pass GB 32100 */
    USCC,
    /** subject.idNumber: rules 1 and 2, upper-cased; GB 11643 when idType is ID_CARD */
    ID_NUMBER,
    /** date in the node's pattern → yyyy-MM-dd */
    DATE,
    /** license validTo: a date or 长期 → 9999-12-31 */
    VALID_TO,
    /** amount → yuan with two decimals */
    AMOUNT,
    /** one label of a code list → its code */
    CODE,
    /** several labels (split on ; and ；, possibly several native fields) → codes, source order, no duplicates */
    CODE_ARRAY,
    /** SHA-256 hex digest, written lowercase */
    SHA256
}
