package cn.ydcx.gateway.model;

/** Record operation (SPEC §2): normalize always emits UPSERT; RETRACT withdraws a record. */
public enum Op {
    UPSERT, RETRACT;
}
