package cn.ydcx.gateway.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** PEM reading/writing and signature checks of X.509 CRLs (Bouncy Castle, so SM2 CRLs work too). */
public final class Crls {
    /** The PEM label openssl uses for CRLs. */
    public static final String PEM_LABEL = "X509 CRL";

    private Crls() {
    }

    /** The first {@code X509 CRL} block of a PEM text. */
    public static X509CRLHolder fromPem(byte[] pem) throws IOException {
        for (Pem.Block b : Pem.blocks(new String(pem, StandardCharsets.US_ASCII))) {
            if (b.label().equals(PEM_LABEL)) {
                try {
                    return new X509CRLHolder(b.der());
                } catch (IOException | RuntimeException e) {
                    throw new IOException("X509 CRL block is not a DER CRL: " + e.getMessage(), e);
                }
            }
        }
        throw new IOException("no PEM block -----BEGIN " + PEM_LABEL + "-----");
    }

    public static String toPem(X509CRLHolder crl) {
        try {
            return Pem.toPem(PEM_LABEL, crl.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode CRL: " + e.getMessage(), e);
        }
    }

    /** Null when {@code crl} is issued and signed by {@code issuer}, else one line saying why not. */
    public static String checkIssuedBy(X509CRLHolder crl, X509Certificate issuer) {
        X500Name expected = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        if (!crl.getIssuer().equals(expected)) {
            return "CRL issuer " + crl.getIssuer() + " is not " + expected;
        }
        try {
            if (!crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Crypto.provider())
                    .build(issuer.getPublicKey()))) {
                return "CRL signature does not verify with the key of " + Certs.label(issuer);
            }
        } catch (Exception e) {
            return "CRL signature cannot be checked with the key of " + Certs.label(issuer) + ": " + e.getMessage();
        }
        return null;
    }
}
