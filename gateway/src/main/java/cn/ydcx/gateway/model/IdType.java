package cn.ydcx.gateway.model;

/** subject.idType codes (SPEC §2). */
public enum IdType {
    ID_CARD, PASSPORT, HK_MACAO_PASS, TAIWAN_PASS, FOREIGN_PERMANENT_RESIDENT, OTHER;
}
