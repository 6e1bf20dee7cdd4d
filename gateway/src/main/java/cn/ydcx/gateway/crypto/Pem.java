package cn.ydcx.gateway.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM reading/writing of X.509 certificates and unencrypted PKCS#8 private keys. Text outside
 * the BEGIN/END lines (e.g. a "SAMPLE KEY" warning) is ignored, as openssl does.
 * Certificates are parsed by Bouncy Castle so SM2 certificates work too.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private Pem() {
    }

    /** A base64 PEM block: its label and DER content. */
    public record Block(String label, byte[] der) {
    }

    public static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }

    public static List<X509Certificate> readCertificates(InputStream in) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        for (Block b : blocks(new String(in.readAllBytes(), StandardCharsets.US_ASCII))) {
            if (b.label().equals("CERTIFICATE")) {
                certs.add(certificateFromDer(b.der()));
            }
        }
        return certs;
    }

    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = readCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException("no PEM CERTIFICATE block in " + file);
            }
            return certs;
        } catch (IllegalArgumentException e) {
            throw new IOException("bad certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first certificate of a PEM file. */
    public static X509Certificate readCertificate(Path file) throws IOException {
        return readCertificates(file).get(0);
    }

    /** Parses a DER certificate (Bouncy Castle, so SM2 signatures can be verified). */
    public static X509Certificate certificateFromDer(byte[] der) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509", Crypto.provider());
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a DER X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The first unencrypted PKCS#8 ("BEGIN PRIVATE KEY") EC key in the stream. */
    public static PrivateKey readPrivateKey(InputStream in) throws IOException {
        for (Block b : blocks(new String(in.readAllBytes(), StandardCharsets.US_ASCII))) {
            if (b.label().equals("PRIVATE KEY")) {
                try {
                    return KeyFactory.getInstance("EC", Crypto.provider())
                            .generatePrivate(new PKCS8EncodedKeySpec(b.der()));
                } catch (GeneralSecurityException e) {
                    // the message of a key parser could echo key bytes: keep only the type
                    throw new IOException("PRIVATE KEY block is not a PKCS#8 EC key (" + e.getClass().getSimpleName() + ")");
                }
            }
        }
        throw new IOException("no unencrypted PKCS#8 block (-----BEGIN PRIVATE KEY-----) found");
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readPrivateKey(in);
        } catch (IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) {
                throw e;
            }
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static String certificateToPem(X509Certificate cert) {
        try {
            return toPem("CERTIFICATE", cert.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("cannot encode certificate: " + e.getMessage(), e);
        }
    }

    public static String privateKeyToPem(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("private key is not PKCS#8-encodable (format " + key.getFormat() + ")");
        }
        return toPem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicKeyToPem(PublicKey key) {
        return toPem("PUBLIC KEY", key.getEncoded());
    }

    public static String toPem(String label, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
    }
}
