package cn.ydcx.gateway.crypto;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * The trusted regional root certificate(s) (any suite); validates that a chain (signer first)
 * links up by signature to one of them and that every certificate, the root included, is
 * within validity at a given instant. Revocation is delegated to a {@link RevocationCheck}.
 * Signatures are checked with Bouncy Castle so SM3withSM2 certificates work.
 */
public final class TrustedRoots {
    private final List<X509Certificate> roots;
    private final RevocationCheck revocation;

    public TrustedRoots(Collection<X509Certificate> roots) {
        this(roots, RevocationCheck.NONE);
    }

    public TrustedRoots(Collection<X509Certificate> roots, RevocationCheck revocation) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted root certificate is needed");
        }
        this.roots = List.copyOf(roots);
        this.revocation = revocation;
    }

    public static TrustedRoots of(X509Certificate... roots) {
        return new TrustedRoots(List.of(roots));
    }

    /** The root of every suite in {@code layout} (e.g. the sample PKI). */
    public static TrustedRoots fromLayout(PkiLayout layout) {
        return new TrustedRoots(java.util.Arrays.stream(Suite.values()).map(layout::rootCertificate).toList());
    }

    /** Every certificate in the given PEM files. */
    public static TrustedRoots fromPem(java.nio.file.Path... files) throws java.io.IOException {
        List<X509Certificate> all = new java.util.ArrayList<>();
        for (java.nio.file.Path f : files) {
            all.addAll(Pem.readCertificates(f));
        }
        return new TrustedRoots(all);
    }

    public List<X509Certificate> roots() {
        return roots;
    }

    /** Checks {@code chain} (signer first, then issuers; the root itself may be omitted) at {@code at}. */
    public ChainCheck check(List<X509Certificate> chain, Instant at) {
        if (chain == null || chain.isEmpty()) {
            return ChainCheck.failed(ChainProblem.UNTRUSTED_CHAIN, "no certificates");
        }
        // 1. links: each certificate is signed by the next, which must be a CA
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            if (!issuedBy(cert, issuer)) {
                return ChainCheck.failed(ChainProblem.UNTRUSTED_CHAIN, "certificate " + Certs.label(cert)
                        + " is not signed by the next certificate " + Certs.label(issuer));
            }
        }
        // 2. anchor: the last certificate is a trusted root or is issued by one
        X509Certificate last = chain.get(chain.size() - 1);
        X509Certificate anchor = roots.stream().filter(r -> sameCertificate(r, last)).findFirst()
                .or(() -> roots.stream().filter(r -> issuedBy(last, r)).findFirst())
                .orElse(null);
        if (anchor == null) {
            return ChainCheck.failed(ChainProblem.UNTRUSTED_CHAIN, "certificate " + Certs.label(last)
                    + " (issuer " + last.getIssuerX500Principal().getName() + ") does not chain to a trusted root");
        }
        // 3. validity of every certificate including the anchor
        List<X509Certificate> all = sameCertificate(anchor, last) ? chain
                : java.util.stream.Stream.concat(chain.stream(), java.util.stream.Stream.of(anchor)).toList();
        for (X509Certificate cert : all) {
            if (at.isAfter(cert.getNotAfter().toInstant())) {
                return ChainCheck.failed(ChainProblem.CERT_EXPIRED, "certificate " + Certs.label(cert)
                        + " expired at " + cert.getNotAfter().toInstant() + " (checked at " + at + ")");
            }
            if (at.isBefore(cert.getNotBefore().toInstant())) {
                return ChainCheck.failed(ChainProblem.CERT_NOT_YET_VALID, "certificate " + Certs.label(cert)
                        + " is not valid before " + cert.getNotBefore().toInstant() + " (checked at " + at + ")");
            }
        }
        // 4. revocation hook
        for (int i = 0; i + 1 < all.size(); i++) {
            Optional<String> reason = revocation.revoked(all.get(i), all.get(i + 1), at);
            if (reason.isPresent()) {
                return ChainCheck.failed(ChainProblem.REVOKED, "certificate " + Certs.label(all.get(i))
                        + " is revoked: " + reason.get());
            }
        }
        return ChainCheck.passed();
    }

    private static boolean issuedBy(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        if (issuer.getBasicConstraints() < 0) {
            return false; // an end-entity certificate cannot issue
        }
        boolean[] ku = issuer.getKeyUsage();
        if (ku != null && (ku.length <= 5 || !ku[5])) {
            return false; // keyCertSign missing
        }
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(Crypto.provider()).build(issuer.getPublicKey());
            return new X509CertificateHolder(cert.getEncoded()).isSignatureValid(verifier);
        } catch (Exception e) {
            return false; // unparseable or unsupported signature: not a link we can trust
        }
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
