package cn.ydcx.gateway.model;

/** Report data.rating codes (SPEC §2 report), best first. */
public enum Rating {
    AAA, AA, A, BBB, BB, B, CCC, CC, C;
}
