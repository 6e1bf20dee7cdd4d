package cn.ydcx.gateway.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;

/**
 * Revocation by the CRL each suite's root publishes in the PKI layout ({@code <suite>/root.crl.pem}).
 *
 * <p>The CRL must be issued and signed by that root and not be past its nextUpdate; otherwise
 * every certificate of the root is refused (fail closed: a forged or stale CRL must not
 * un-revoke anything). A layout without a CRL file publishes no revocations.
 *
 * <p>Nodes pick up a new CRL without restart: every check stats the file (one cheap syscall)
 * and re-reads it only when its modification time or size changed. A classpath layout is
 * read once.
 */
public final class CrlRevocationCheck implements RevocationCheck {

    private final PkiLayout layout;
    private final Map<Suite, X509Certificate> roots = new EnumMap<>(Suite.class);
    private final Clock clock;
    private final Map<Suite, Snapshot> snapshots = new EnumMap<>(Suite.class);

    public CrlRevocationCheck(PkiLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
        for (Suite s : Suite.values()) {
            roots.put(s, layout.rootCertificate(s));
        }
    }

    /** What was read from one CRL file: its revoked serials, or why it cannot be used. */
    private record Snapshot(Object stamp, Map<BigInteger, Revoked> revoked, Instant nextUpdate, String unusable) {
    }

    /** One CRL entry. */
    public record Revoked(BigInteger serial, Instant date, RevocationReason reason) {
    }

    @Override
    public Optional<String> revoked(X509Certificate cert, X509Certificate issuer, Instant at) {
        Suite suite = suiteOf(issuer);
        if (suite == null) {
            return Optional.empty(); // not one of our roots: no CRL published for it here
        }
        Snapshot snap = current(suite);
        if (snap.unusable() != null) {
            return Optional.of("revocation status unknown, " + snap.unusable());
        }
        if (snap.nextUpdate() != null && Instant.now(clock).isAfter(snap.nextUpdate())) {
            return Optional.of("revocation status unknown, the " + suite + " CRL was due for renewal at "
                    + snap.nextUpdate() + " (publish a fresh one: pki crl)");
        }
        Revoked r = snap.revoked().get(cert.getSerialNumber());
        if (r == null) {
            return Optional.empty();
        }
        if (r.reason().routine() && at.isBefore(r.date())) {
            return Optional.empty(); // signed before a routine retirement: still good
        }
        return Optional.of("serial " + r.serial().toString(16) + " on the " + suite + " CRL since " + r.date()
                + " (" + r.reason() + ")");
    }

    /**
     * For a TLS peer: a reason when {@code cert}, issued by one of our roots, is on that root's
     * current CRL with a revocation date that has passed (any reason: a retired certificate
     * must not serve TLS either). Unlike {@link #revoked}, an unusable or stale CRL does not
     * refuse everything here: the node must still reach REGION to fetch a fresh CRL, and
     * batches and receipts stay fail-closed through {@link #revoked}.
     */
    public Optional<String> listedNow(X509Certificate cert) {
        for (var e : roots.entrySet()) {
            if (!e.getValue().getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                continue;
            }
            Revoked r = current(e.getKey()).revoked().get(cert.getSerialNumber());
            if (r != null && !Instant.now(clock).isBefore(r.date())) {
                return Optional.of("serial " + r.serial().toString(16) + " on the " + e.getKey() + " CRL since "
                        + r.date() + " (" + r.reason() + ")");
            }
        }
        return Optional.empty();
    }

    /** The revoked entries of {@code suite}'s current CRL (empty when none is published). */
    public Map<BigInteger, Revoked> entries(Suite suite) {
        return current(suite).revoked();
    }

    private Suite suiteOf(X509Certificate issuer) {
        for (var e : roots.entrySet()) {
            if (same(e.getValue(), issuer)) {
                return e.getKey();
            }
        }
        return null;
    }

    private synchronized Snapshot current(Suite suite) {
        Object stamp = stamp(suite);
        Snapshot snap = snapshots.get(suite);
        if (snap == null || !snap.stamp().equals(stamp)) {
            snap = load(suite, stamp);
            snapshots.put(suite, snap);
        }
        return snap;
    }

    /** Modification time and size of the CRL file; a constant for a classpath layout. */
    private Object stamp(Suite suite) {
        Path file = layout.crlFile(suite);
        if (file == null) {
            return "classpath";
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + "/" + a.size() + "/" + a.fileKey();
        } catch (NoSuchFileException e) {
            return "absent";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private Snapshot load(Suite suite, Object stamp) {
        X509Certificate root = roots.get(suite);
        String where = layout.crlLocation(suite);
        try {
            Optional<byte[]> pem = layout.readCrl(suite);
            if (pem.isEmpty()) {
                return new Snapshot(stamp, Map.of(), null, null);
            }
            X509CRLHolder crl = Crls.fromPem(pem.get());
            String problem = Crls.checkIssuedBy(crl, root);
            if (problem != null) {
                return new Snapshot(stamp, Map.of(), null, where + ": " + problem);
            }
            Map<BigInteger, Revoked> revoked = new HashMap<>();
            for (Object o : crl.getRevokedCertificates()) {
                X509CRLEntryHolder e = (X509CRLEntryHolder) o;
                revoked.put(e.getSerialNumber(), new Revoked(e.getSerialNumber(),
                        e.getRevocationDate().toInstant(), reason(e)));
            }
            Instant next = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
            return new Snapshot(stamp, Map.copyOf(revoked), next, null);
        } catch (IOException | RuntimeException e) {
            return new Snapshot(stamp, Map.of(), null, where + " cannot be read: " + e.getMessage());
        }
    }

    private static RevocationReason reason(X509CRLEntryHolder e) {
        Extension ext = e.getExtensions() == null ? null : e.getExtensions().getExtension(Extension.reasonCode);
        if (ext == null) {
            return RevocationReason.unspecified;
        }
        return RevocationReason.ofCode(CRLReason.getInstance(ext.getParsedValue()).getValue().intValue());
    }

    private static boolean same(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
