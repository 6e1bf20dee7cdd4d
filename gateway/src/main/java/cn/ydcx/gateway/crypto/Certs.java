package cn.ydcx.gateway.crypto;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Small certificate helpers. */
public final class Certs {
    private Certs() {
    }

    /** The subject's common name, or null when it has none. */
    public static String commonName(X509Certificate cert) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        RDN[] cns = name.getRDNs(BCStyle.CN);
        if (cns.length == 0) {
            return null;
        }
        ASN1Encodable v = cns[0].getFirst().getValue();
        return IETFUtils.valueToString(v);
    }

    /**
     * A short label for messages: the CN, or the full subject DN. Never throws: messages about
     * a foreign certificate must not fail on its garbled name.
     */
    public static String label(X509Certificate cert) {
        String cn;
        try {
            cn = commonName(cert);
        } catch (IllegalArgumentException e) {
            cn = null; // e.g. a CN that is not valid UTF-8: the DN below shows it escaped
        }
        return cn != null ? "CN=" + cn : cert.getSubjectX500Principal().getName();
    }
}
