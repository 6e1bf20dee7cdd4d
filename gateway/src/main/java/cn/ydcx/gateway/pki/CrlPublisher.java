package cn.ydcx.gateway.pki;

import cn.ydcx.gateway.crypto.Crls;
import cn.ydcx.gateway.crypto.Crypto;
import cn.ydcx.gateway.crypto.CrlRevocationCheck.Revoked;
import cn.ydcx.gateway.crypto.Pem;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.RevocationReason;
import cn.ydcx.gateway.crypto.Suite;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Publishes each suite root's CRL ({@code <dir>/<suite>/root.crl.pem}), signed with the root key
 * of a filesystem PKI layout: an empty one, one with a serial added, or the same list re-signed
 * with a later nextUpdate. Files are replaced atomically, so a node polling the file never reads
 * half a CRL. Every new CRL carries the next CRL number (RFC 5280 §5.2.3).
 */
public final class CrlPublisher {

    private final Path dir;
    private final PkiLayout layout;

    public CrlPublisher(Path pkiDir) {
        this.dir = pkiDir;
        this.layout = PkiLayout.at(pkiDir);
    }

    /** What a publication did. */
    public record Published(Suite suite, BigInteger crlNumber, int entries, boolean added) {
    }

    /** Writes a CRL with no entries (replacing any), valid until {@code nextUpdate}. */
    public Published publishEmpty(Suite suite, Instant nextUpdate) throws IOException {
        return write(suite, List.of(), BigInteger.ONE, nextUpdate, false);
    }

    /**
     * Adds {@code name}'s certificate ({@code <suite>/<name>.crt.pem}) to the suite's CRL. An
     * existing CRL must verify against the root first: a tampered list is never extended.
     */
    public Published revoke(Suite suite, String name, RevocationReason reason, Instant when) throws IOException {
        X509Certificate cert = Pem.readCertificate(dir.resolve(suite.dirName()).resolve(name + ".crt.pem"));
        X509Certificate root = layout.rootCertificate(suite);
        if (!cert.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            throw new IllegalArgumentException(name + "'s " + suite + " certificate is not issued by the root of " + dir);
        }
        Optional<X509CRLHolder> existing = existing(suite);
        List<Revoked> entries = new ArrayList<>(existing.map(CrlPublisher::entriesOf).orElse(List.of()));
        boolean already = entries.stream().anyMatch(e -> e.serial().equals(cert.getSerialNumber()));
        if (!already) {
            entries.add(new Revoked(cert.getSerialNumber(), when.truncatedTo(ChronoUnit.SECONDS), reason));
        }
        return write(suite, entries, nextNumber(existing), nextUpdateOf(existing, suite), !already);
    }

    /** Re-signs the current entries with a new nextUpdate (a CRL must be renewed before it is due). */
    public Published renew(Suite suite, Instant nextUpdate) throws IOException {
        Optional<X509CRLHolder> existing = existing(suite);
        return write(suite, existing.map(CrlPublisher::entriesOf).orElse(List.of()), nextNumber(existing),
                nextUpdate, false);
    }

    private Optional<X509CRLHolder> existing(Suite suite) throws IOException {
        Optional<byte[]> pem = layout.readCrl(suite);
        if (pem.isEmpty()) {
            return Optional.empty();
        }
        X509CRLHolder crl = Crls.fromPem(pem.get());
        String problem = Crls.checkIssuedBy(crl, layout.rootCertificate(suite));
        if (problem != null) {
            throw new IOException(layout.crlLocation(suite) + ": " + problem + " (refusing to extend it)");
        }
        return Optional.of(crl);
    }

    private static List<Revoked> entriesOf(X509CRLHolder crl) {
        List<Revoked> out = new ArrayList<>();
        for (Object o : crl.getRevokedCertificates()) {
            X509CRLEntryHolder e = (X509CRLEntryHolder) o;
            Extension ext = e.getExtensions() == null ? null : e.getExtensions().getExtension(Extension.reasonCode);
            int code = ext == null ? 0
                    : org.bouncycastle.asn1.x509.CRLReason.getInstance(ext.getParsedValue()).getValue().intValue();
            out.add(new Revoked(e.getSerialNumber(), e.getRevocationDate().toInstant(), RevocationReason.ofCode(code)));
        }
        return out;
    }

    private static BigInteger nextNumber(Optional<X509CRLHolder> crl) {
        return crl.map(c -> c.getExtension(Extension.cRLNumber))
                .map(e -> ASN1Integer.getInstance(e.getParsedValue()).getValue().add(BigInteger.ONE))
                .orElse(BigInteger.ONE);
    }

    /** Keeps the published nextUpdate; a first CRL is valid as long as the root. */
    private Instant nextUpdateOf(Optional<X509CRLHolder> crl, Suite suite) {
        return crl.map(c -> c.getNextUpdate() == null ? null : c.getNextUpdate().toInstant())
                .orElse(layout.rootCertificate(suite).getNotAfter().toInstant());
    }

    private Published write(Suite suite, List<Revoked> entries, BigInteger number, Instant nextUpdate, boolean added)
            throws IOException {
        X509Certificate root = layout.rootCertificate(suite);
        PrivateKey rootKey = Pem.readPrivateKey(dir.resolve(suite.dirName()).resolve("root.key.pem"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (nextUpdate == null || !nextUpdate.isAfter(now)) {
            throw new IllegalArgumentException("nextUpdate must be in the future, got " + nextUpdate);
        }
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(
                    X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), Date.from(now));
            b.setNextUpdate(Date.from(nextUpdate));
            for (Revoked e : entries) {
                b.addCRLEntry(e.serial(), Date.from(e.date()), e.reason().code());
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            X509CRLHolder crl = b.build(new JcaContentSignerBuilder(suite.signatureAlgorithm())
                    .setProvider(Crypto.provider()).build(rootKey));
            Path target = layout.crlFile(suite);
            Path tmp = Files.createTempFile(target.getParent(), "root.crl.", ".tmp");
            Files.writeString(tmp, Crls.toPem(crl), StandardCharsets.US_ASCII);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Published(suite, number, entries.size(), added);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("signing the " + suite + " CRL failed: " + e.getMessage(), e);
        }
    }
}
