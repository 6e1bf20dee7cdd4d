package cn.ydcx.gateway.crypto;

import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** Where the PKI files of a node live: {@code <dir>/<suiteDir>/<name>.crt.pem|key.pem}. */
public final class PkiLayout {
    private PkiLayout() {
    }

    public static PkiLayout at(Path dir) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A filesystem path, or {@code classpath:certs-sample}. */
    public static PkiLayout resolve(String location) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public X509Certificate rootCertificate(Suite suite) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public NodeCredentials credentials(Suite suite, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public String certificateLocation(Suite suite, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public String privateKeyLocation(Suite suite, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public String rootLocation(Suite suite) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
