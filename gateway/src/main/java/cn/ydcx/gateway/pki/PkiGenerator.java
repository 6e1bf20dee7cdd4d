package cn.ydcx.gateway.pki;

import cn.ydcx.gateway.crypto.Crypto;
import cn.ydcx.gateway.crypto.Pem;
import cn.ydcx.gateway.crypto.PkiLayout;
import cn.ydcx.gateway.crypto.Suite;
import cn.ydcx.gateway.model.NodeCode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the SAMPLE regional PKI for both suites: a self-signed root CA and end-entity
 * certificates for the five nodes, the auditor and each province's office systems.
 * Keys are written unencrypted (PKCS#8 PEM) behind a leading "SAMPLE KEY" text line.
 */
public final class PkiGenerator {
    public static final String ORGANISATION = "Yangtze Delta Credit Exchange SAMPLE";
    public static final String KEY_WARNING = "SAMPLE KEY - for demo and tests only, never use in production";

    private final SecureRandom random = new SecureRandom();

    /** Every end-entity name the sample PKI issues a certificate for. */
    public static List<String> entityNames() {
        List<String> names = new ArrayList<>();
        for (NodeCode n : NodeCode.values()) {
            names.add(n.name());
        }
        names.add("auditor");
        for (NodeCode n : NodeCode.provinces()) {
            names.add("office-" + n.name());
        }
        return names;
    }

    public static String rootCommonName(Suite suite) {
        return "YRD Regional Root CA (SAMPLE) " + (suite == Suite.SM2_SM3 ? "SM2" : "ES256");
    }

    /** Writes both suites under {@code outDir/<suiteDir>/}, replacing existing files. */
    public void generate(Path outDir, Instant notBefore, Duration validity) throws IOException {
        for (Suite suite : Suite.values()) {
            generate(outDir, suite, notBefore, validity);
        }
    }

    public void generate(Path outDir, Suite suite, Instant notBefore, Duration validity) throws IOException {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive, got " + validity);
        }
        Path dir = outDir.resolve(suite.dirName());
        Files.createDirectories(dir);
        Date from = Date.from(notBefore);
        Date to = Date.from(notBefore.plus(validity));
        try {
            KeyPair rootKeys = newKeyPair(suite);
            X500Name rootName = name(rootCommonName(suite));
            X509Certificate root = build(suite, rootName, rootKeys.getPublic(), rootName, rootKeys.getPrivate(), null,
                    from, to, Role.ROOT);
            write(dir, "root", root, rootKeys.getPrivate());
            for (String entity : entityNames()) {
                KeyPair keys = newKeyPair(suite);
                X509Certificate cert = build(suite, name(entity), keys.getPublic(), rootName, rootKeys.getPrivate(),
                        root, from, to, roleOf(entity));
                write(dir, entity, cert, keys.getPrivate());
            }
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("generating the " + suite + " sample PKI failed: " + e.getMessage(), e);
        }
        // an empty CRL from the start, valid as long as the root, so nodes always find one
        // (a PKI generated already expired, for tests, still gets a CRL that is not stale)
        Instant now = Instant.now();
        new CrlPublisher(outDir).publishEmpty(suite, to.toInstant().isAfter(now) ? to.toInstant()
                : now.plus(Duration.ofDays(1)));
    }

    /**
     * Issues a fresh key and certificate for {@code name} (CN = name, same profile as the
     * original) from the existing root of {@code pkiDir}, written as {@code <outName>.crt.pem}
     * / {@code .key.pem}: the new half of a key rotation. Validity is capped at the root's.
     */
    public X509Certificate issue(Path pkiDir, Suite suite, String name, String outName, Instant notBefore,
                                 Duration validity) throws IOException {
        if (!entityNames().contains(name)) {
            throw new IllegalArgumentException("unknown PKI entity '" + name + "' (one of " + entityNames() + ")");
        }
        if (!PkiLayout.isValidName(outName)) {
            throw new IllegalArgumentException("invalid PKI entity name '" + outName
                    + "' for the new files (letters, digits, '-', '_', one '.suffix'; no path)");
        }
        Path dir = pkiDir.resolve(suite.dirName());
        if (outName.equals("root") || Files.exists(dir.resolve(outName + ".crt.pem"))) {
            throw new IllegalArgumentException("refusing to overwrite " + dir.resolve(outName + ".crt.pem")
                    + ": issue under a new --out-name, e.g. " + name + ".next");
        }
        X509Certificate root = Pem.readCertificate(dir.resolve("root.crt.pem"));
        PrivateKey rootKey = Pem.readPrivateKey(dir.resolve("root.key.pem"));
        Instant notAfter = notBefore.plus(validity);
        if (notAfter.isAfter(root.getNotAfter().toInstant())) {
            notAfter = root.getNotAfter().toInstant();
        }
        try {
            KeyPair keys = newKeyPair(suite);
            X509Certificate cert = build(suite, name(name), keys.getPublic(),
                    X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), rootKey, root,
                    Date.from(notBefore), Date.from(notAfter), roleOf(name));
            write(dir, outName, cert, keys.getPrivate());
            return cert;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("issuing a " + suite + " certificate for " + name + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static Role roleOf(String entity) {
        return isNode(entity) ? Role.NODE : Role.CLIENT;
    }

    private enum Role { ROOT, NODE, CLIENT }

    private static boolean isNode(String entity) {
        for (NodeCode n : NodeCode.values()) {
            if (n.name().equals(entity)) {
                return true;
            }
        }
        return false;
    }

    private KeyPair newKeyPair(Suite suite) throws GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", Crypto.provider());
        kpg.initialize(new ECGenParameterSpec(suite.curveName()), random);
        return kpg.generateKeyPair();
    }

    private static X500Name name(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.CN, cn)
                .build();
    }

    private X509Certificate build(Suite suite, X500Name subject, PublicKey subjectKey, X500Name issuer,
            PrivateKey issuerKey, X509Certificate issuerCert, Date from, Date to, Role role)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE); // positive, < 20 octets
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, from, to, subject,
                subjectKey);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
        b.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                ? ext.createAuthorityKeyIdentifier(subjectKey)
                : ext.createAuthorityKeyIdentifier(issuerCert.getPublicKey()));
        switch (role) {
            case ROOT -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            case NODE -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                // nodes serve HTTPS on loopback in the demo
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            case CLIENT -> {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
        }
        ContentSigner signer = new JcaContentSignerBuilder(suite.signatureAlgorithm())
                .setProvider(Crypto.provider()).build(issuerKey);
        return new JcaX509CertificateConverter().setProvider(Crypto.provider()).getCertificate(b.build(signer));
    }

    private static void write(Path dir, String name, X509Certificate cert, PrivateKey key) throws IOException {
        Files.writeString(dir.resolve(name + ".crt.pem"), Pem.certificateToPem(cert), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(name + ".key.pem"),
                KEY_WARNING + "\n" + Pem.privateKeyToPem(key), StandardCharsets.US_ASCII);
    }
}
