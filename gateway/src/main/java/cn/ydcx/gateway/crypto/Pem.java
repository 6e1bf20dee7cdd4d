package cn.ydcx.gateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** PEM reading/writing of X.509 certificates and unencrypted PKCS#8 private keys. */
public final class Pem {
    private Pem() {
    }

    public static List<X509Certificate> readCertificates(InputStream in) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static X509Certificate readCertificate(Path file) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static PrivateKey readPrivateKey(InputStream in) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static String certificateToPem(X509Certificate cert) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static String privateKeyToPem(PrivateKey key) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public static String publicKeyToPem(java.security.PublicKey key) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
