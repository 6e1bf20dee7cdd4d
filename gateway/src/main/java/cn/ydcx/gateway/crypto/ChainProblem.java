package cn.ydcx.gateway.crypto;

/** Why a certificate chain is not accepted. */
public enum ChainProblem {
    UNTRUSTED_CHAIN,
    CERT_EXPIRED,
    CERT_NOT_YET_VALID,
    REVOKED
}
