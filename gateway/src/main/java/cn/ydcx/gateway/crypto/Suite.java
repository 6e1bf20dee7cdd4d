package cn.ydcx.gateway.crypto;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;

/** The two signature suites of SPEC §4. */
public enum Suite {
    SM2_SM3("SM2-SM3", "sm2"),
    ES256("ES256", "es256");

    private final String wireName;
    private final String dirName;

    Suite(String wireName, String dirName) {
        this.wireName = wireName;
        this.dirName = dirName;
    }

    public String wireName() {
        return wireName;
    }

    /** Sub-directory of a PKI layout holding this suite's files. */
    public String dirName() {
        return dirName;
    }

    public static Suite of(String wire) {
        for (Suite s : values()) {
            if (s.wireName.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown suite '" + wire + "' (expected SM2-SM3 or ES256)");
    }

    public MessageDigest newDigest() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public byte[] hash(byte[] data) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public byte[] sign(PrivateKey key, byte[] data) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
