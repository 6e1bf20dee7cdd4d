package cn.ydcx.gateway.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;

/** The two signature suites of SPEC §4. */
public enum Suite {
    SM2_SM3("SM2-SM3", "sm2"),
    ES256("ES256", "es256");

    /** The GM/T 0009 default signer ID, fixed by SPEC §4. */
    private static final byte[] SM2_SIGNER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

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

    /**
     * A fresh digest of this suite's hash (SM3 or SHA-256), from the Bouncy Castle provider.
     * Cloned from a prototype obtained once from the provider: the same class and provider as
     * {@code MessageDigest.getInstance}, without a JCA service lookup per call (hot in Merkle
     * hashing). The prototype is never updated, so concurrent clones are safe.
     */
    public MessageDigest newDigest() {
        try {
            return (MessageDigest) prototype().clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("Bouncy Castle's " + wireName + " digest cannot be cloned", e);
        }
    }

    private MessageDigest prototype() {
        return this == SM2_SM3 ? Prototypes.SM3 : Prototypes.SHA256;
    }

    /** Lazily created on first use (holder idiom), so loading Suite does not touch the provider. */
    private static final class Prototypes {
        static final MessageDigest SM3 = lookUp("SM3");
        static final MessageDigest SHA256 = lookUp("SHA-256");

        private static MessageDigest lookUp(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm, Crypto.provider());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Bouncy Castle lacks the " + algorithm + " digest", e);
            }
        }
    }

    public byte[] hash(byte[] data) {
        return newDigest().digest(data);
    }

    /** DER (r,s) signature over {@code data}; SM2 uses the signer ID 1234567812345678. */
    public byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = newSignature();
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (InvalidKeyException e) {
            // never include the key itself
            throw new IllegalArgumentException("private key (" + key.getAlgorithm() + ") cannot sign with " + wireName, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(wireName + " signing failed: " + e.getMessage(), e);
        }
    }

    /** True when {@code signature} (DER) is valid over {@code data}; false for a wrong or malformed one. */
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        if (!acceptsKey(key)) {
            return false;
        }
        try {
            Signature s = newSignature();
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false; // malformed DER or unusable key: simply not a valid signature
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(wireName + " verification failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} is an EC key on this suite's curve (sm2p256v1 / P-256). */
    public boolean acceptsKey(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return false;
        }
        ECNamedCurveSpec expected = curve();
        java.security.spec.ECParameterSpec actual = ec.getParams();
        return actual.getCurve().equals(expected.getCurve())
                && actual.getGenerator().equals(expected.getGenerator())
                && actual.getOrder().equals(expected.getOrder());
    }

    /** Name of the curve of this suite's keys. */
    public String curveName() {
        return this == SM2_SM3 ? "sm2p256v1" : "secp256r1";
    }

    /** JCA signature algorithm name (also used for certificate signatures). */
    public String signatureAlgorithm() {
        return this == SM2_SM3 ? "SM3withSM2" : "SHA256withECDSA";
    }

    private ECNamedCurveSpec curve() {
        ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec(curveName());
        return new ECNamedCurveSpec(curveName(), spec.getCurve(), spec.getG(), spec.getN(), spec.getH());
    }

    private Signature newSignature() throws GeneralSecurityException {
        Signature s = Signature.getInstance(signatureAlgorithm(), Crypto.provider());
        if (this == SM2_SM3) {
            s.setParameter(new SM2ParameterSpec(SM2_SIGNER_ID));
        }
        return s;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
